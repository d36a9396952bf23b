/**
 * How the task engine compares the ids users type (task_id, employee_id).
 *
 * Order is plain code-point order of the NFKC-normalised, trimmed id: deterministic and
 * what a sort by id in a sheet does with text, but not "natural": `T-10` sorts before
 * `T-2`. Ids with a fixed width (`T-02`, `T-10`) sort as people expect.
 */

/** The id as compared: full-width folded (`Ｔ-1` → `T-1`), surrounding spaces dropped. */
export function normalizeId(id: string): string {
  return id.normalize("NFKC").trim();
}

/**
 * Code-point order of the normalised ids (not UTF-16 unit order, not locale order).
 *
 * @example ["T-2", "T-10", "T-1"].sort(compareIds) // ["T-1", "T-10", "T-2"]
 */
export function compareIds(a: string, b: string): number {
  const left = Array.from(normalizeId(a));
  const right = Array.from(normalizeId(b));
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = (left[i].codePointAt(0) ?? 0) - (right[i].codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
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
