import { describe, it, expect } from "vitest";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { luminance, paneLang, themeFor } from "../../src/taskpane/locale";

describe("the pane's surroundings", () => {
  it("speaks Chinese for any Chinese locale, English otherwise", () => {
    expect(paneLang("zh-CN")).toBe("zh-CN");
    expect(paneLang("zh-Hant-TW")).toBe("zh-CN");
    expect(paneLang("ZH")).toBe("zh-CN");
    expect(paneLang("en-GB")).toBe("en-US");
    expect(paneLang("de-DE")).toBe("en-US");
    expect(paneLang(undefined)).toBe("en-US");
  });

  it("follows a dark Office theme, and stays light otherwise", () => {
    // Black has luminance 0, white 1.
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1, 10);
    expect(themeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: "not a colour" })).toBe(webLightTheme);
  });
});
