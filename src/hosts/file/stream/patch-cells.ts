/**
 * A few cells of an .xlsx set in place: the sheet's XML gets the new cells, and every other part
 * of the package is copied as it is (users' charts, pictures and everything exceljs would drop
 * on a re-save stay). Used for the settings the task pane edits in a chosen file.
 */
import { escapeRegExp } from "../charts";
import { escapeXml } from "../drawingml";
import { columnLetters, parseAddress } from "../../../workbook/a1";
import { XlsxPackage } from "./package";
import { concatBytes, ZipReader, ZipWriter } from "./zip";

/** One cell to set (1-based row and column); "" empties it. */
export interface CellValueEdit {
  sheet: string;
  row: number;
  col: number;
  value: string | number;
}

interface Row {
  attributes: string;
  cells: Map<number, string>;
}

/** The cell element for a value, keeping the style the cell had. */
function cellXml(p: string, ref: string, style: string | undefined, value: string | number): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (value === "") return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
}

/** The sheet's XML with the edits made, or undefined when it is not XML this edits with certainty. */
function patchSheetXml(xml: string, edits: readonly CellValueEdit[]): string | undefined {
  const root = /<([\w.-]+:)?worksheet\b/.exec(xml);
  if (!root) return undefined;
  const p = root[1] ?? "";
  const P = escapeRegExp(p);
  const data = new RegExp(`<${P}sheetData\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}sheetData>)`).exec(xml);
  if (!data) return undefined;

  // Rows and cells by number; anything else inside sheetData (or a row or cell without its
  // reference) is not edited here.
  const rows = new Map<number, Row>();
  const content = data[1] ?? "";
  const rowPattern = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, "g");
  const cellPattern = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, "g");
  if (content.replace(rowPattern, "").trim() !== "") return undefined;
  for (const m of content.matchAll(rowPattern)) {
    const r = /\br="(\d+)"/.exec(m[1]);
    if (!r) return undefined;
    const cells = new Map<number, string>();
    const inner = m[2] ?? "";
    if (inner.replace(cellPattern, "").trim() !== "") return undefined;
    for (const c of inner.matchAll(cellPattern)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1]);
      const at = ref ? parseAddress(ref[1]) : undefined;
      if (!at) return undefined;
      cells.set(at.col, c[0]);
    }
    rows.set(Number(r[1]), { attributes: m[1].replace(/\s+spans="[^"]*"/, ""), cells });
  }

  for (const edit of edits) {
    const row = rows.get(edit.row) ?? { attributes: ` r="${edit.row}"`, cells: new Map<number, string>() };
    rows.set(edit.row, row);
    const old = row.cells.get(edit.col);
    // A formula cell (and the master of a shared formula) is left to a whole re-save.
    if (old !== undefined && new RegExp(`<${P}f\\b`).test(old)) return undefined;
    const style = old === undefined ? undefined : /\bs="(\d+)"/.exec(old)?.[1];
    const ref = `${columnLetters(edit.col)}${edit.row}`;
    row.cells.set(edit.col, cellXml(p, ref, style, edit.value));
  }

  const sheetData = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => {
      const cells = [...row.cells.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
      return cells.length === 0
        ? `<${p}row${row.attributes}/>`
        : `<${p}row${row.attributes}>${cells.join("")}</${p}row>`;
    })
    .join("");
  const open = /^<[^>]*?(?=\/?>)/.exec(data[0])![0];
  let out = `${xml.slice(0, data.index)}${open}>${sheetData}</${p}sheetData>${xml.slice(data.index + data[0].length)}`;

  // The used range grows to the new cells; a sheet without one keeps none.
  out = out.replace(
    new RegExp(`(<${P}dimension\\b[^>]*?\\bref=")([^"]*)(")`),
    (whole, a: string, ref: string, z: string) => {
      const [from, to = from] = ref.split(":");
      const first = parseAddress(from);
      const last = parseAddress(to);
      if (!first || !last) return whole;
      const bottom = Math.max(last.row, ...edits.map((e) => e.row));
      const right = Math.max(last.col, ...edits.map((e) => e.col));
      return `${a}${from}:${columnLetters(right)}${bottom}${z}`;
    },
  );
  return out;
}

/**
 * The bytes of the package with `edits` made, every part but the edited sheets copied as it is;
 * undefined when a sheet is missing or its XML is not one this edits with certainty (the caller
 * then re-saves the workbook another way).
 */
export function patchCells(bytes: Uint8Array, edits: readonly CellValueEdit[]): Uint8Array | undefined {
  const pkg = new XlsxPackage(new ZipReader(bytes));
  const patched = new Map<string, string>();
  for (const name of new Set(edits.map((e) => e.sheet))) {
    const part = pkg.sheets.find((s) => s.name === name)?.part;
    const xml = part ? pkg.zip.readText(part) : undefined;
    if (!part || xml === undefined) return undefined;
    const out = patchSheetXml(
      xml,
      edits.filter((e) => e.sheet === name),
    );
    if (out === undefined) return undefined;
    patched.set(part, out);
  }
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((chunk) => chunks.push(Uint8Array.from(chunk)));
  for (const entry of pkg.zip.entries.values()) {
    const text = patched.get(entry.name);
    if (text === undefined) zip.copy(pkg.zip, entry);
    else zip.add(entry.name, text);
  }
  zip.finish();
  return concatBytes(chunks);
}
