/**
 * What the pane takes from its surroundings: the display language (Office's, else the
 * browser's) and the Office theme, mapped onto the pane's two languages and Fluent's themes.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { Lang } from "../workbook/schema";

/**
 * The pane's language for a locale tag: Chinese (any region or script) → zh-CN, else en-US.
 *
 * @example paneLang("zh-TW") // "zh-CN"
 * @example paneLang("fr-FR") // "en-US"
 */
export function paneLang(locale: string | undefined | null): Lang {
  return (locale ?? "").trim().toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** The display language: Office's inside Office, else the browser's. */
export function displayLang(): Lang {
  const office =
    typeof Office !== "undefined"
      ? (Office.context as Office.Context | undefined)?.displayLanguage
      : undefined;
  if (office) return paneLang(office);
  return paneLang(typeof navigator !== "undefined" ? navigator.language : undefined);
}

/** Relative luminance (0 black … 1 white) of `#RRGGBB`; undefined for anything else. */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Fluent's dark theme under a dark Office theme (dark body background), else the light one.
 *
 * @example themeFor({ bodyBackgroundColor: "#262626" }) === webDarkTheme
 */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): Theme {
  const light = luminance(officeTheme?.bodyBackgroundColor);
  return light !== undefined && light < 0.4 ? webDarkTheme : webLightTheme;
}

/** The Office theme in effect, if the host reports one. */
export function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  if (typeof Office === "undefined") return undefined;
  try {
    return (Office.context as Office.Context | undefined)?.officeTheme;
  } catch {
    return undefined;
  }
}
