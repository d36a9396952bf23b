/**
 * Enumerated words (directions, relationships) read at recalculation time. A spreadsheet
 * cannot call normalizeWord, so the cell is compared, with spaces, `_` and `-` removed,
 * against every accepted spelling from core/vocabulary.ts (MATCH is case-insensitive).
 * Full-width letters are not folded natively; the JS form accepts them.
 */
import { normalizeWord, SYNONYMS } from "../../core/vocabulary";
import { strArray } from "./operands";

/** Every normalised spelling of a canonical word, the word itself first. */
export function spellings(canonical: string): string[] {
  return [...new Set([canonical, ...(SYNONYMS[canonical] ?? [])].map(normalizeWord))];
}

/** The cell (or range, inside SUMPRODUCT) text with the characters normalizeWord drops removed. */
export function squeezed(expr: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expr}," ",""),"_",""),"-","")`;
}

/**
 * A condition (an array of them for a range) that `expr` spells `canonical`.
 *
 * @example isWord("C2", "lower") // ISNUMBER(MATCH(SUBSTITUTE(…C2…),{"lower","反向",…},0))
 */
export function isWord(expr: string, canonical: string): string {
  return `ISNUMBER(MATCH(${squeezed(expr)},${strArray(spellings(canonical))},0))`;
}
