/**
 * "Table" values (SPEC §2, §9): a setting or function argument such as grades, quotas,
 * coefficients or group weights, typed as text `S:90,A:80` or given as a 2-column range.
 */
import { invalid } from "./messages";
import { toFraction } from "./percent";
import { matchWord, normalizeWord, Relationship, RELATIONSHIPS } from "./vocabulary";

export interface TableEntry {
  key: string;
  value: number;
}

/** Between entries: `,` `，` `、` `;` `；` or a line break. Between key and value: `:` `：` `=`. */
const ENTRY_SEPARATOR = /[,，、;；\r\n]+/;
const KEY_VALUE_SEPARATOR = /[:：=]/;

const isBlank = (x: unknown) => x === null || x === undefined || (typeof x === "string" && x.trim() === "");

/**
 * A table value as a number: a number, or text like `90`, `1.5`, `40%` (= 0.4) or full-width
 * `９０`. Thousands separators are not accepted here: `,` separates entries.
 */
function tableNumber(x: unknown): number | undefined {
  if (typeof x === "number") return Number.isFinite(x) ? x : undefined;
  if (typeof x !== "string") return undefined;
  let text = x.normalize("NFKC").trim();
  const percent = text.endsWith("%");
  if (percent) text = text.slice(0, -1).trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  const value = Number(text);
  return percent ? value / 100 : value;
}

/** Rows of [key, value] from a range: 2 columns (an entry per row) or 2 rows (an entry per column). */
function rangePairs(range: unknown[][], what: string): [unknown, unknown][] {
  const rows = range.filter((row) => Array.isArray(row) && !row.every(isBlank));
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const byRow = rows.map((row): [unknown, unknown] => [row[0], row[1]]);
  const byColumn = rows.length === 2 ? rows[0].map((key, i): [unknown, unknown] => [key, rows[1][i]]) : [];
  // A 2×2 range reads either way: take the one whose values are numbers.
  const numeric = (pairs: [unknown, unknown][]) => pairs.every(([, v]) => tableNumber(v) !== undefined);
  if (width === 2 && (rows.length !== 2 || numeric(byRow) || !numeric(byColumn))) return byRow;
  if (rows.length === 2) return byColumn;
  throw invalid("bad_table", { what, value: `${rows.length}×${width} range` });
}

/**
 * Reads a table, keeping the order given. Keys are trimmed (full width folded); duplicate
 * keys (compared case-, space- and width-insensitively), blank keys and values that are not
 * numbers are `#VALUE!` errors with code `bad_table`, as is an empty table.
 *
 * @example parseKeyValueTable("S：90，A:80、B=70", "grades") // [{key:"S",value:90},{key:"A",value:80},{key:"B",value:70}]
 * @example parseKeyValueTable([["S", 1.5], ["A", "120%"]], "coefficients") // S 1.5, A 1.2
 */
export function parseKeyValueTable(input: unknown, what: string): TableEntry[] {
  let pairs: [unknown, unknown][];
  let single: unknown = input;
  if (Array.isArray(input) && input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) {
    single = input[0][0];
  }
  if (typeof single === "string") {
    pairs = single
      .split(ENTRY_SEPARATOR)
      .filter((part) => part.trim() !== "")
      .map((part) => {
        const at = part.search(KEY_VALUE_SEPARATOR);
        if (at < 0) throw invalid("bad_table", { what, value: part.trim() });
        return [part.slice(0, at), part.slice(at + 1)];
      });
  } else if (Array.isArray(input) && input.every((row) => Array.isArray(row))) {
    pairs = rangePairs(input as unknown[][], what);
  } else {
    throw invalid("bad_table", { what, value: String(input) });
  }
  if (pairs.length === 0) throw invalid("bad_table", { what, value: "" });
  const seen = new Set<string>();
  return pairs.map(([rawKey, rawValue]) => {
    const key = isBlank(rawKey) ? "" : String(rawKey).normalize("NFKC").trim();
    const value = tableNumber(rawValue);
    const entry = `${key}:${isBlank(rawValue) ? "" : String(rawValue).trim()}`;
    if (key === "" || value === undefined || seen.has(normalizeWord(key))) {
      throw invalid("bad_table", { what, value: entry });
    }
    seen.add(normalizeWord(key));
    return { key, value };
  });
}

/**
 * The `group_weights` table: a fraction per relationship (keys in English or Chinese,
 * 上级:40 = manager 0.4; values as percents, so 40, 0.4 and 40% agree). A relationship left
 * out weighs 0; a negative weight, an unknown relationship or one named twice is an error.
 *
 * @example parseGroupWeights("上级:50,同事:50") // { manager: 0.5, peer: 0.5, self: 0, subordinate: 0, customer: 0 }
 */
export function parseGroupWeights(input: unknown): Record<Relationship, number> {
  const weights = Object.fromEntries(RELATIONSHIPS.map((r) => [r, 0])) as Record<Relationship, number>;
  const seen = new Set<Relationship>();
  for (const { key, value } of parseKeyValueTable(input, "group_weights")) {
    const relationship = matchWord(key, RELATIONSHIPS);
    if (!relationship) throw invalid("bad_relationship", { value: key });
    // `manager` and `上级` are one group: naming it twice is as ambiguous as a duplicate key.
    if (seen.has(relationship)) throw invalid("bad_table", { what: "group_weights", value: key });
    seen.add(relationship);
    if (value < 0) throw invalid("negative_weight", { weight: value });
    weights[relationship] = toFraction(value);
  }
  return weights;
}
