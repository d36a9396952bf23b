/**
 * How the task engine compares the ids users type (task_id, employee_id).
 *
 * Order is plain code-point order of the NFKC-normalised, trimmed id: deterministic and
 * what a sort by id in a sheet does with text, but not "natural": `T-10` sorts before
 * `T-2`. Ids with a fixed width (`T-02`, `T-10`) sort as people expect.
 */

/** The id as compared: full-width folded (`Ｔ-1` → `T-1`), surrounding spaces dropped. */
export function normalizeId(id: string): string {
  // NFKC leaves ASCII as it is: most ids skip the (costly) normalisation.
  return isAscii(id) ? id.trim() : id.normalize("NFKC").trim();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Code-point order of the normalised ids (not UTF-16 unit order, not locale order).
 *
 * @example ["T-2", "T-10", "T-1"].sort(compareIds) // ["T-1", "T-10", "T-2"]
 */
export function compareIds(a: string, b: string): number {
  const left = normalizeId(a);
  const right = normalizeId(b);
  // Walk both by code point (a surrogate pair is one code point); sorts call this a lot.
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const l = left.codePointAt(i) as number;
    const r = right.codePointAt(j) as number;
    if (l !== r) return l - r;
    i += l > 0xffff ? 2 : 1;
    j += r > 0xffff ? 2 : 1;
  }
  return codePointCount(left, i) - codePointCount(right, j);
}

/** Code points of `text` from index `from` on. */
function codePointCount(text: string, from: number): number {
  let count = 0;
  for (let i = from; i < text.length; i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1) count++;
  return count;
}

/** Key that matches a typed id to a person: normalised and case-insensitive (`e01` finds `E01`). */
export function idMatchKey(id: string): string {
  return normalizeId(id).toUpperCase();
}

/** Blank for optional text cells: null, undefined or only spaces. */
export function isBlank(text: string | null | undefined): text is null | undefined | "" {
  return text == null || text.trim() === "";
}

/** Trimmed text, or null when blank. */
export function textOrNull(text: string | null | undefined): string | null {
  return isBlank(text) ? null : text.trim();
}
