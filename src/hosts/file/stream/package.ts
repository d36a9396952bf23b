/**
 * The structure of an .xlsx package as the streaming path needs it: the workbook part, its
 * sheets in tab order with their worksheet parts, relationships and content types. Parts are
 * read from the ZipReader on demand; nothing here interprets cells.
 */
import { attributes, relsPathOf, resolveTarget } from "../charts";
import { ZipReader } from "./zip";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vmlDrawing: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Relationships of a part (`Target`s as written, relative to the part). */
export function parseRelationships(text: string | undefined): Relationship[] {
  const rels: Relationship[] = [];
  for (const m of (text ?? "").matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    rels.push({
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
    });
  }
  return rels;
}

/** One `<sheet>` of the workbook part, in tab order (worksheets, chart sheets, …). */
export interface PackageSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** Resolved part path; undefined when the relationship is missing. */
  part: string | undefined;
  /** True for a worksheet (the only kind read into the RawWorkbook). */
  worksheet: boolean;
  /** The `<sheet …/>` element as written. */
  element: string;
}

export class XlsxPackage {
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly workbookRels: Relationship[];
  readonly sheets: PackageSheet[];

  constructor(readonly zip: ZipReader) {
    const root = parseRelationships(zip.readText("_rels/.rels")).find((r) => r.type === REL.officeDocument);
    this.workbookPart = root ? resolveTarget("", root.target) : "xl/workbook.xml";
    const workbookXml = zip.readText(this.workbookPart);
    if (workbookXml === undefined) throw new Error(`the package has no workbook part ${this.workbookPart}`);
    this.workbookXml = workbookXml;
    this.workbookRels = parseRelationships(zip.readText(relsPathOf(this.workbookPart)));
    const byId = new Map(this.workbookRels.map((r) => [r.id, r]));
    this.sheets = [];
    const sheetsElement = /<(?:[\w.-]+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sheets>/.exec(workbookXml);
    for (const m of (sheetsElement?.[1] ?? "").matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const relId = [...a].find(([key]) => /^[\w.-]+:id$/.test(key))?.[1] ?? "";
      const rel = byId.get(relId);
      this.sheets.push({
        name: a.get("name") ?? "",
        sheetId: Number(a.get("sheetId") ?? 0),
        relId,
        part: rel ? resolveTarget(this.workbookPart, rel.target) : undefined,
        worksheet: rel?.type === REL.worksheet,
        element: m[0],
      });
    }
  }

  /** The part a workbook relationship of `type` points at (styles, shared strings). */
  workbookTarget(type: string): string | undefined {
    const rel = this.workbookRels.find((r) => r.type === type);
    return rel ? resolveTarget(this.workbookPart, rel.target) : undefined;
  }

  /** Relationships of any part. */
  relsOf(part: string): Relationship[] {
    return parseRelationships(this.zip.readText(relsPathOf(part)));
  }
}
