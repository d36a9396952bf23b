/**
 * The review workbook as a package: the input's parts copied as they are (still compressed),
 * the generated sheets written from the plan (sheet-xml.ts) with their tables, notes and
 * charts, and the workbook part, its relationships, the content types and the styles part
 * rewritten to match. Regeneration follows SPEC §8 as the exceljs path does: a marked sheet
 * of an earlier run that the plan has again is replaced at its position, a marked sheet the
 * plan no longer has is removed (make-portable's helper sheet is kept), a sheet without a
 * marker is never touched (a planned sheet of its name is refused).
 */
import { buildSheet, type DeferredPlan, type DeferredSheet, type SheetPlan } from "../../../workbook/plan";
import {
  isMarkerName,
  isReportMarker,
  markerName,
  markerRef,
  sheetOfMarkerRef,
} from "../../../workbook/markers";
import { columnLetters, parseAddress, parseRange } from "../../../workbook/a1";
import { attributes, relsPathOf, relativeTarget, resolveTarget, unescapeXml } from "../charts";
import { chartSpaceXml, drawingXml, escapeXml, NS, XML_DECLARATION, type ChartAnchor } from "../drawingml";
import { ListsSheet } from "../lists";
import { CONTENT_TYPE, REL, XlsxPackage, type Relationship } from "./package";
import { tableHeaderNames, writeSheetXml, type SheetRefs } from "./sheet-xml";
import { StyleRegistry } from "./styles-xml";
import { ZipWriter, type ZipSink } from "./zip";

/** Relationship types whose parts belong to one sheet and go with it when it is replaced. */
const OWNED_PART =
  /\/(table|comments|vmlDrawing|drawing|chart|chartUserShapes|chartStyle|chartColorStyle|printerSettings)$/;

export interface WriteOptions {
  /** zlib deflate level of new parts (1 = fastest). */
  level?: number;
  /** Called between writing the sheets and writing the charts and package parts. */
  onSheetsWritten?: () => void;
  /** Called after each generated sheet is written and its plan let go, with its number of cells. */
  onSheetWritten?: (cells: number) => void;
}

/** A sheet of the output: kept from the input, or generated from the plan. */
type OutSheet =
  | { kind: "kept"; name: string; oldIndex: number; element: string }
  | { kind: "planned"; source: DeferredSheet; oldIndex?: number };

/** What the workbook part needs of a generated sheet once its part is written. */
type SheetOutline = Pick<SheetPlan, "name" | "kind" | "generated" | "hidden" | "print">;

interface WrittenSheet {
  out: OutSheet & { kind: "planned" };
  part: string;
  sheet: SheetOutline;
}

function userSheetError(name: string): Error {
  return new Error(`Sheet "${name}" holds user data (no PerfSheet marker); it is never overwritten.`);
}

/** Sheet name → marker name, for sheets an earlier run generated. */
function markersBySheet(workbookXml: string): Map<string, string> {
  const marked = new Map<string, string>();
  for (const m of workbookXml.matchAll(
    /<(?:[\w.-]+:)?definedName\s([^>]*?)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g,
  )) {
    const name = attributes(m[1]).get("name") ?? "";
    if (!isMarkerName(name)) continue;
    for (const ref of unescapeXml(m[2]).split(",")) {
      const sheet = sheetOfMarkerRef(ref);
      if (sheet !== undefined) marked.set(sheet, name);
    }
  }
  return marked;
}

/** Part names not yet taken, numbered like `xl/worksheets/sheet7.xml`. */
class PartNames {
  private readonly taken: Set<string>;
  private readonly counters = new Map<string, number>();

  constructor(names: Iterable<string>) {
    this.taken = new Set(names);
  }

  next(prefix: string, suffix: string): string {
    let n = this.counters.get(prefix) ?? 1;
    while (this.taken.has(`${prefix}${n}${suffix}`)) n++;
    const name = `${prefix}${n}${suffix}`;
    this.counters.set(prefix, n + 1);
    this.taken.add(name);
    return name;
  }
}

/** A relationships part being written: ids `rId1`, `rId2`, … */
class NewRels {
  readonly items: string[] = [];
  add(type: string, target: string): string {
    const id = `rId${this.items.length + 1}`;
    this.items.push(`<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`);
    return id;
  }
  toXml(): string {
    return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRels}">${this.items.join("")}</Relationships>`;
  }
}

/** The parts a sheet owns (its relationships, tables, notes, drawings, charts), recursively. */
function ownedParts(pkg: XlsxPackage, part: string, into: Set<string>): void {
  into.add(part);
  const rels = relsPathOf(part);
  if (!pkg.zip.has(rels)) return;
  into.add(rels);
  for (const rel of pkg.relsOf(part)) {
    if (rel.external || !OWNED_PART.test(rel.type)) continue;
    const target = resolveTarget(part, rel.target);
    if (!into.has(target)) ownedParts(pkg, target, into);
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `1:3` → `$1:$3`; `A1:K20` → `$A$1:$K$20`. */
function absolute(ref: string): string {
  return ref.replace(/\$?([A-Za-z]*)\$?(\d*)/g, (whole, letters: string, digits: string) =>
    whole === "" ? "" : (letters ? `$${letters.toUpperCase()}` : "") + (digits ? `$${digits}` : ""),
  );
}

/** Comments part and VML drawing of a sheet's notes (Excel needs both to show them). */
function notesParts(
  notes: NonNullable<SheetPlan["notes"]>,
  shapeBlock: number,
): { comments: string; vml: string } {
  const comments =
    `${XML_DECLARATION}<comments xmlns="${NS.main}"><authors><author>PerfSheet</author></authors><commentList>` +
    notes
      .map(
        (n) =>
          `<comment ref="${escapeXml(n.cell)}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(n.text)}</t></r></text></comment>`,
      )
      .join("") +
    "</commentList></comments>";
  const shapes = notes
    .map((n, i) => {
      const at = parseAddress(n.cell) ?? { row: 1, col: 1 };
      const row = at.row - 1;
      const col = at.col - 1;
      return (
        `<v:shape id="_x0000_s${shapeBlock * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 4}, 4</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${shapeBlock}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes +
    "</xml>";
  return { comments, vml };
}

function tableXml(id: number, table: NonNullable<SheetPlan["tables"]>[number], names: string[]): string {
  const range = parseRange(table.ref)!;
  // Excel needs at least one data row under the header.
  const bottom = Math.max(range.end.row, range.start.row + 1);
  const ref = `${columnLetters(range.start.col)}${range.start.row}:${columnLetters(range.end.col)}${bottom}`;
  const columns = names
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name).replace(/\r?\n/g, "_x000a_")}"/>`)
    .join("");
  const style = escapeXml(table.style ?? "TableStyleLight9");
  const stripes = (table.showRowStripes ?? true) ? 1 : 0;
  return (
    `${XML_DECLARATION}<table xmlns="${NS.main}" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${style}" showFirstColumn="0" showLastColumn="0" showRowStripes="${stripes}" showColumnStripes="0"/></table>`
  );
}

/** The highest table id in the package (ids are unique across a workbook). */
function maxTableId(pkg: XlsxPackage, dropped: Set<string>): number {
  let max = 0;
  for (const name of pkg.zip.entries.keys()) {
    if (dropped.has(name) || !/\/tables\/[^/]+\.xml$/.test(name)) continue;
    const root = /<(?:[\w.-]+:)?table\s([^>]*?)\/?>/.exec(pkg.zip.readText(name) ?? "");
    const id = Number(root ? attributes(root[1]).get("id") : 0);
    if (id > max) max = id;
  }
  return max;
}

/**
 * Writes the review workbook of `plan` over the input package `pkg` to `sink`. Each sheet is
 * built, written and let go in turn, so one sheet's plan is held at a time. The hidden sheet of
 * long validation lists, when a sheet needs it, comes last.
 *
 * @example writeReviewPackage(pkg, run.deferredPlan, (chunk) => writeSync(fd, chunk))
 */
export function writeReviewPackage(
  pkg: XlsxPackage,
  plan: DeferredPlan,
  sink: ZipSink,
  opts: WriteOptions = {},
): void {
  const planned = plan.sheets;
  const lists = new ListsSheet();
  const plannedByName = new Map(planned.map((p) => [p.name.toLowerCase(), p]));
  const marked = markersBySheet(pkg.workbookXml);

  // Which input sheets stay, which are replaced in place, which go.
  const dropped = new Set<string>();
  const dropSheet = (index: number) => {
    const part = pkg.sheets[index].part;
    if (part) ownedParts(pkg, part, dropped);
  };
  const out: OutSheet[] = [];
  const placed = new Set<DeferredSheet>();
  pkg.sheets.forEach((sheet, i) => {
    const plannedSheet = plannedByName.get(sheet.name.toLowerCase());
    const marker = marked.get(sheet.name);
    if (plannedSheet && !placed.has(plannedSheet)) {
      if (marker === undefined) throw userSheetError(sheet.name);
      dropSheet(i);
      out.push({ kind: "planned", source: plannedSheet, oldIndex: i });
      placed.add(plannedSheet);
    } else if (marker !== undefined && isReportMarker(marker)) {
      dropSheet(i); // stale: generated by an earlier run, not planned now
    } else {
      out.push({ kind: "kept", name: sheet.name, oldIndex: i, element: sheet.element });
    }
  });
  for (const p of planned) if (!placed.has(p)) out.push({ kind: "planned", source: p });
  const goneSheets = new Set(
    pkg.sheets.map((s, i) => (out.some((o) => o.kind === "kept" && o.oldIndex === i) ? undefined : s.name)),
  );

  const calcChain = pkg.workbookTarget(REL.calcChain);
  if (calcChain) dropped.add(calcChain); // Excel rebuilds it; it may name cells of replaced sheets
  const stylesPart = pkg.workbookTarget(REL.styles) ?? "xl/styles.xml";
  const contentTypesPart = "[Content_Types].xml";
  const workbookRelsPart = relsPathOf(pkg.workbookPart);
  const rewritten = new Set([pkg.workbookPart, workbookRelsPart, contentTypesPart, stylesPart]);

  const zip = new ZipWriter(sink, opts.level ?? 1);
  for (const entry of pkg.zip.entries.values()) {
    if (dropped.has(entry.name) || rewritten.has(entry.name) || entry.name.endsWith("/")) continue;
    zip.copy(pkg.zip, entry);
  }

  const names = new PartNames([...pkg.zip.entries.keys()].filter((n) => !dropped.has(n)));
  const styles = new StyleRegistry(pkg.zip.readText(stylesPart));
  const overrides: { part: string; type: string }[] = [];
  const xlDir = pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf("/") + 1);
  let tableId = maxTableId(pkg, dropped);
  let needsVml = false;
  const pendingCharts: { drawingPart: string; charts: NonNullable<SheetPlan["charts"]> }[] = [];
  const written: WrittenSheet[] = [];

  // Generated sheets, one at a time, with their tables and notes.
  const writeSheet = (o: OutSheet & { kind: "planned" }, position: number) => {
    const sheet = buildSheet(o.source);
    const part = names.next(`${xlDir}worksheets/sheet`, ".xml");
    const rels = new NewRels();
    const refs: SheetRefs = { tables: [] };
    for (const table of sheet.tables ?? []) {
      const tablePart = names.next(`${xlDir}tables/table`, ".xml");
      zip.add(tablePart, tableXml(++tableId, table, tableHeaderNames(sheet, table)));
      overrides.push({ part: tablePart, type: CONTENT_TYPE.table });
      refs.tables.push(rels.add(REL.table, relativeTarget(part, tablePart)));
    }
    if ((sheet.notes ?? []).length > 0) {
      const commentsPart = names.next(`${xlDir}comments`, ".xml");
      const vmlPart = names.next(`${xlDir}drawings/vmlDrawing`, ".vml");
      const { comments, vml } = notesParts(sheet.notes!, position + 1);
      zip.add(commentsPart, comments);
      zip.add(vmlPart, vml);
      overrides.push({ part: commentsPart, type: CONTENT_TYPE.comments });
      needsVml = true;
      rels.add(REL.comments, relativeTarget(part, commentsPart));
      refs.legacyDrawing = rels.add(REL.vmlDrawing, relativeTarget(part, vmlPart));
    }
    if ((sheet.charts ?? []).length > 0) {
      const drawingPart = names.next(`${xlDir}drawings/drawing`, ".xml");
      refs.drawing = rels.add(REL.drawing, relativeTarget(part, drawingPart));
      pendingCharts.push({ drawingPart, charts: sheet.charts! });
    }
    const writer = zip.begin(part);
    writeSheetXml(
      sheet,
      { styles, listFormula: (v) => lists.formulaFor(v), refs, sheetNumber: position + 1 },
      (piece) => writer.write(piece),
    );
    writer.end();
    if (rels.items.length > 0) zip.add(relsPathOf(part), rels.toXml());
    overrides.push({ part, type: CONTENT_TYPE.worksheet });
    const { name, kind, generated, hidden, print } = sheet;
    written.push({ out: o, part, sheet: { name, kind, generated, hidden, print } });
    return sheet.blocks.reduce((cells, block) => cells + block.rows.reduce((n, row) => n + row.length, 0), 0);
  };
  out.forEach((o, position) => {
    if (o.kind !== "planned") return;
    const cells = writeSheet(o, position);
    opts.onSheetWritten?.(cells);
  });
  if (lists.needed) {
    const listsSheet = lists.plan();
    const clash = out.find(
      (o) => o.kind === "kept" && o.name.toLowerCase() === listsSheet.name.toLowerCase(),
    );
    if (clash?.kind === "kept") throw userSheetError(clash.name);
    const o = { kind: "planned" as const, source: { ...listsSheet, build: () => listsSheet } };
    out.push(o);
    writeSheet(o, out.length - 1);
  }
  opts.onSheetsWritten?.();

  // Charts: a drawing part per sheet, a chart part per chart.
  for (const { drawingPart, charts } of pendingCharts) {
    const rels = new NewRels();
    const anchors: ChartAnchor[] = charts.map((chart, i) => {
      const chartPart = names.next(`${xlDir}charts/chart`, ".xml");
      zip.add(chartPart, chartSpaceXml(chart, { dataLabels: chart.dataLabels }));
      overrides.push({ part: chartPart, type: CONTENT_TYPE.chart });
      const relId = rels.add(REL.chart, relativeTarget(drawingPart, chartPart));
      return { range: chart.anchor, relId, shapeId: i + 2, name: chart.title || `Chart ${i + 2}` };
    });
    zip.add(drawingPart, drawingXml(anchors));
    zip.add(relsPathOf(drawingPart), rels.toXml());
    overrides.push({ part: drawingPart, type: CONTENT_TYPE.drawing });
  }

  zip.add(stylesPart, styles.toXml());

  // Workbook relationships: the input's, less the sheets that went and the calculation chain.
  const keptRels = pkg.workbookRels.filter((r) => {
    if (r.external) return true;
    const target = resolveTarget(pkg.workbookPart, r.target);
    return !dropped.has(target);
  });
  const relIds = new Set(keptRels.map((r) => r.id));
  let nextRel = 1;
  const newRelId = () => {
    while (relIds.has(`rId${nextRel}`)) nextRel++;
    relIds.add(`rId${nextRel}`);
    return `rId${nextRel}`;
  };
  const addedRels: Relationship[] = [];
  const relOfPart = new Map<string, string>();
  for (const { part } of written) {
    const id = newRelId();
    addedRels.push({
      id,
      type: REL.worksheet,
      target: relativeTarget(pkg.workbookPart, part),
      external: false,
    });
    relOfPart.set(part, id);
  }
  if (!pkg.workbookTarget(REL.styles)) {
    // A package without a styles part (allowed, rare) gets the one written above.
    addedRels.push({
      id: newRelId(),
      type: REL.styles,
      target: relativeTarget(pkg.workbookPart, stylesPart),
      external: false,
    });
    overrides.push({ part: stylesPart, type: CONTENT_TYPE.styles });
  }
  zip.add(workbookRelsPart, relationshipsXml([...keptRels, ...addedRels]));

  zip.add(pkg.workbookPart, workbookXml(pkg, out, written, relOfPart, goneSheets));
  zip.add(
    contentTypesPart,
    contentTypesXml(pkg.zip.readText(contentTypesPart) ?? "", dropped, overrides, needsVml),
  );
  zip.finish();
}

function relationshipsXml(rels: Relationship[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRels}">${items}</Relationships>`;
}

/** The workbook part with the output's sheets, defined names and a valid active tab. */
function workbookXml(
  pkg: XlsxPackage,
  out: OutSheet[],
  written: WrittenSheet[],
  relOfPart: Map<string, string>,
  goneSheets: Set<string | undefined>,
): string {
  let xml = pkg.workbookXml;
  const root = /<([\w.-]+:)?workbook\b[^>]*>/.exec(xml);
  if (!root) throw new Error("not a workbook part");
  const p = root[1] ?? "";
  let relsPrefix = [...attributes(root[0])]
    .find(([k, v]) => v === NS.officeRels && k.startsWith("xmlns:"))?.[0]
    .slice(6);
  if (relsPrefix === undefined) {
    relsPrefix = "r";
    xml =
      xml.slice(0, root.index) +
      root[0].replace(/>$/, ` xmlns:r="${NS.officeRels}">`) +
      xml.slice(root.index + root[0].length);
  }
  let maxSheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  const writtenOf = new Map(written.map((w) => [w.out as OutSheet, w]));
  const sheetElements = out.map((o) => {
    if (o.kind === "kept") return o.element;
    const { part, sheet } = writtenOf.get(o)!;
    const state = sheet.hidden ? ' state="hidden"' : "";
    const relId = relOfPart.get(part)!;
    return `<${p}sheet name="${escapeXml(sheet.name)}" sheetId="${++maxSheetId}"${state} ${relsPrefix}:id="${relId}"/>`;
  });
  xml = xml.replace(
    /(<(?:[\w.-]+:)?sheets\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?sheets>)|<(?:[\w.-]+:)?sheets\s*\/>/,
    (_whole, open: string | undefined, close: string | undefined) =>
      `${open ?? `<${p}sheets>`}${sheetElements.join("")}${close ?? `</${p}sheets>`}`,
  );

  // Defined names: local ones follow their sheet's new position; markers and print settings of
  // the sheets that went are dropped; the generated sheets get theirs.
  const newIndex = new Map<number, number>();
  out.forEach((o, i) => {
    if (o.kind === "kept") newIndex.set(o.oldIndex, i);
  });
  // Markers this run writes replace any of the same name (one a user's deletion left dangling).
  const newMarkers = new Set(
    written.flatMap(({ sheet }) => (sheet.generated ? [markerName(sheet.kind)] : [])),
  );
  const names: string[] = [];
  const section = /<(?:[\w.-]+:)?definedNames\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?definedNames>/.exec(xml);
  for (const m of (section?.[1] ?? "").matchAll(
    /<(?:[\w.-]+:)?definedName\s([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g,
  )) {
    const a = attributes(m[1]);
    const local = a.get("localSheetId");
    let element = m[0];
    if (local !== undefined) {
      const index = newIndex.get(Number(local));
      if (index === undefined) continue;
      element = element.replace(/localSheetId="\d+"/, `localSheetId="${index}"`);
    }
    const name = a.get("name") ?? "";
    if (isMarkerName(name)) {
      const sheet = sheetOfMarkerRef(unescapeXml(m[2] ?? ""));
      if (goneSheets.has(sheet) || (local === undefined && newMarkers.has(name))) continue;
    }
    names.push(element);
  }
  out.forEach((o, i) => {
    const sheet = o.kind === "planned" ? writtenOf.get(o)?.sheet : undefined;
    if (!sheet) return;
    if (sheet.generated) {
      names.push(
        `<${p}definedName name="${escapeXml(markerName(sheet.kind))}">${escapeXml(markerRef(sheet.name))}</${p}definedName>`,
      );
    }
    if (sheet.print?.titleRows) {
      const ref = `${quoteSheet(sheet.name)}!${absolute(sheet.print.titleRows)}`;
      names.push(
        `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(ref)}</${p}definedName>`,
      );
    }
    if (sheet.print?.area) {
      const ref = `${quoteSheet(sheet.name)}!${absolute(sheet.print.area)}`;
      names.push(
        `<${p}definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(ref)}</${p}definedName>`,
      );
    }
  });
  const definedNames = names.length > 0 ? `<${p}definedNames>${names.join("")}</${p}definedNames>` : "";
  if (section) {
    xml = xml.slice(0, section.index) + definedNames + xml.slice(section.index + section[0].length);
  } else if (definedNames) {
    const close = /<\/(?:[\w.-]+:)?sheets>/.exec(xml)!;
    let at = close.index + close[0].length;
    for (const tag of ["functionGroups", "externalReferences"]) {
      const after = new RegExp(`</(?:[\\w.-]+:)?${tag}>|<(?:[\\w.-]+:)?${tag}\\s*/>`).exec(xml);
      if (after) at = Math.max(at, after.index + after[0].length);
    }
    xml = xml.slice(0, at) + definedNames + xml.slice(at);
  }
  // An active or first tab past the end (sheets went) would make the file unreadable.
  xml = xml.replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (view) =>
    view.replace(/\s(activeTab|firstSheet)="(\d+)"/g, (attr, key: string, value: string) =>
      Number(value) >= out.length ? ` ${key}="0"` : attr,
    ),
  );
  return xml;
}

function contentTypesXml(
  text: string,
  dropped: Set<string>,
  overrides: { part: string; type: string }[],
  needsVml: boolean,
): string {
  let xml = text.replace(/<Override\s[^>]*?PartName="([^"]*)"[^>]*?\/>/g, (element, partName: string) =>
    dropped.has(unescapeXml(partName).replace(/^\//, "")) ? "" : element,
  );
  let added = overrides
    .map((o) => `<Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`)
    .join("");
  if (needsVml && !/<Default\s[^>]*Extension="vml"/i.test(xml)) {
    added = `<Default Extension="vml" ContentType="${CONTENT_TYPE.vmlDrawing}"/>` + added;
  }
  const close = xml.lastIndexOf("</Types>");
  if (close < 0) throw new Error("[Content_Types].xml has no closing tag");
  xml = xml.slice(0, close) + added + xml.slice(close);
  return xml;
}
