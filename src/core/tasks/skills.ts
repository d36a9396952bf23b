/**
 * The Employees sheet's skills cell (SPEC §2): `运营:3, 数据分析:2` — each skill with an
 * optional level 1–5; a skill listed without a level is level 3.
 */
import { valueError } from "../errors";
import { normalizeWord } from "../vocabulary";
import type { SkillLevels } from "./types";

/** Level of a skill listed without one. */
export const DEFAULT_SKILL_LEVEL = 3;

// NFKC has already turned `，` `；` `：` into `,` `;` `:`; `、` and line breaks (Alt+Enter) also separate.
const SEPARATORS = /[,;、\n\r]+/;

/**
 * Reads a skills cell. Names keep their spelling (NFKC-folded, trimmed); a name listed
 * twice keeps its higher level. A level that is not a whole number 1–5 is a `bad_skill_level` error.
 *
 * @example parseSkills("运营:3，数据分析、SQL：5") // { 运营: 3, 数据分析: 3, SQL: 5 }
 */
export function parseSkills(text: string): Record<string, number> {
  const skills: Record<string, number> = {};
  for (const item of text.normalize("NFKC").split(SEPARATORS)) {
    if (item.trim() === "") continue;
    const colon = item.indexOf(":");
    const name = (colon < 0 ? item : item.slice(0, colon)).trim();
    const levelText = colon < 0 ? "" : item.slice(colon + 1).trim();
    if (name === "") {
      throw valueError("bad_skill", `"${item.trim()}" names no skill`, { value: item.trim() });
    }
    const level = levelText === "" ? DEFAULT_SKILL_LEVEL : Number(levelText);
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      throw valueError("bad_skill_level", `The level of skill "${name}" must be a whole number 1–5`, {
        skill: name,
        value: levelText,
      });
    }
    skills[name] = Math.max(skills[name] ?? 0, level);
  }
  return skills;
}

/**
 * A person's skills keyed by the compared form of the name (case-, space- and
 * width-insensitive, as every typed name in the workbook), parsing text if needed.
 */
export function skillIndex(skills: SkillLevels | string | null | undefined): Map<string, number> {
  const index = new Map<string, number>();
  if (skills == null) return index;
  const parsed = typeof skills === "string" ? parseSkills(skills) : skills;
  const entries = parsed instanceof Map ? [...parsed.entries()] : Object.entries(parsed);
  for (const [name, level] of entries) {
    const key = normalizeWord(name);
    index.set(key, Math.max(index.get(key) ?? 0, level));
  }
  return index;
}
