/**
 * Native charts in an .xlsx package. exceljs 4.4 neither writes charts nor keeps them when it
 * re-saves a file, so the file host saves with exceljs first and then adds the chart parts
 * here: a drawing part per sheet (or the sheet's existing one, which exceljs writes for
 * images), one chart part per chart, the relationships between them, the `<drawing>` element
 * in the sheet and the content types.
 */
import JSZip from "jszip";
import type { ChartPlan } from "../../workbook/plan";
import {
  chartAnchorXml,
  chartSpaceXml,
  drawingXml,
  escapeXml,
  NS,
  XML_DECLARATION,
  type ChartAnchor,
} from "./drawingml";

/** A planned chart, optionally with data labels (the plan's chart has no such field yet). */
/** Kept as a name for the charts this writer takes; identical to the plan's charts. */
export type ChartPartPlan = ChartPlan;

export interface SheetCharts {
  /** The sheet's name as the user sees it (not XML-escaped). */
  sheetName: string;
  charts: ChartPartPlan[];
}

const REL_TYPE = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};

const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/**
 * CT_Worksheet's children in schema order (ECMA-376 part 1, §18.3.1.99). Excel declares a file
 * corrupt when they are out of order, e.g. `<drawing>` after `<tableParts>`.
 */
const WORKSHEET_CHILDREN = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * Adds the planned charts to the sheets of an .xlsx package and returns the new package.
 * Sheets are found by name; a sheet without charts is left alone. Run it last: exceljs drops
 * charts when it re-saves. Sheets that get charts also get their children put in schema order.
 *
 * @example
 * const withCharts = await addChartsToXlsx(await workbook.xlsx.writeBuffer(), [
 *   { sheetName: "Dashboard", charts: [dashboardChart] },
 * ]);
 */
export async function addChartsToXlsx(xlsx: Uint8Array, sheets: SheetCharts[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetParts = await sheetPartsByName(zip);
  const contentTypes = new ContentTypes(await readText(zip, "[Content_Types].xml"));
  const numbers = {
    drawing: nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/),
    chart: nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/),
  };

  for (const { sheetName, charts } of sheets) {
    if (charts.length === 0) continue;
    const sheetPart = sheetParts.get(sheetName);
    if (!sheetPart) throw new Error(`no sheet named "${sheetName}" in the workbook`);

    const sheetRels = new Relationships(await readOptionalText(zip, relsPathOf(sheetPart)));
    const sheetXml = await readText(zip, sheetPart);
    const existingDrawing = drawingRelId(sheetXml);
    let drawingPart: string;
    let drawingText: string | undefined;
    if (existingDrawing !== undefined) {
      const target = sheetRels.targetOf(existingDrawing);
      if (!target) throw new Error(`sheet "${sheetName}" has a drawing without a relationship`);
      drawingPart = resolveTarget(sheetPart, target);
      drawingText = await readText(zip, drawingPart);
      zip.file(sheetPart, orderWorksheetChildren(sheetXml));
    } else {
      drawingPart = `xl/drawings/drawing${numbers.drawing++}.xml`;
      const relId = sheetRels.add(REL_TYPE.drawing, relativeTarget(sheetPart, drawingPart));
      zip.file(sheetPart, insertDrawingElement(sheetXml, relId));
      zip.file(relsPathOf(sheetPart), sheetRels.toXml());
      contentTypes.override(`/${drawingPart}`, CONTENT_TYPE.drawing);
    }

    const drawingRels = new Relationships(await readOptionalText(zip, relsPathOf(drawingPart)));
    let shapeId = drawingText ? maxShapeId(drawingText) : 1;
    const anchors: ChartAnchor[] = charts.map((chart) => {
      const chartPart = `xl/charts/chart${numbers.chart++}.xml`;
      zip.file(chartPart, chartSpaceXml(chart, { dataLabels: chart.dataLabels }));
      contentTypes.override(`/${chartPart}`, CONTENT_TYPE.chart);
      const relId = drawingRels.add(REL_TYPE.chart, relativeTarget(drawingPart, chartPart));
      shapeId += 1;
      return { range: chart.anchor, relId, shapeId, name: chart.title || `Chart ${shapeId}` };
    });

    zip.file(drawingPart, drawingText ? appendAnchors(drawingText, anchors) : drawingXml(anchors));
    zip.file(relsPathOf(drawingPart), drawingRels.toXml());
  }

  zip.file("[Content_Types].xml", contentTypes.toXml());
  // Plain bytes, not a Node Buffer: the task pane runs this in a browser.
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Inserts `<drawing r:id="…"/>` where CT_Worksheet wants it, declaring the relationships
 * namespace on the root when the sheet does not already.
 *
 * @example
 * insertDrawingElement('<worksheet xmlns:r="…"><sheetData/><tableParts count="1"/></worksheet>', "rId3")
 * // '<worksheet xmlns:r="…"><sheetData/><drawing r:id="rId3"/><tableParts count="1"/></worksheet>'
 */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const root = worksheetRoot(sheetXml);
  let relsPrefix = namespacePrefix(root.startTag, NS.officeRels);
  let xml = sheetXml;
  if (relsPrefix === undefined) {
    relsPrefix = "r";
    const startTag = root.startTag.replace(/>$/, ` xmlns:r="${NS.officeRels}">`);
    xml = xml.slice(0, root.start) + startTag + xml.slice(root.start + root.startTag.length);
  }
  const element = `<${root.prefix}drawing ${relsPrefix}:id="${escapeXml(relId)}"/>`;
  const end = xml.lastIndexOf(`</${root.prefix}worksheet>`);
  return orderWorksheetChildren(xml.slice(0, end) + element + xml.slice(end));
}

interface WorksheetRoot {
  /** Namespace prefix of the root with its colon (`""` when the namespace is the default). */
  prefix: string;
  startTag: string;
  start: number;
  /** Where the root's closing tag starts. */
  end: number;
}

function worksheetRoot(sheetXml: string): WorksheetRoot {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet\b(?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*>/.exec(
    sheetXml,
  );
  if (!root) throw new Error("not a worksheet part (or an empty one)");
  const prefix = root[1] ?? "";
  const end = sheetXml.lastIndexOf(`</${prefix}worksheet>`);
  if (end < 0) throw new Error("worksheet part has no closing tag");
  return { prefix, startTag: root[0], start: root.index, end };
}

/**
 * Puts the worksheet's children in schema order. Needed beyond our own `<drawing>`: exceljs
 * 4.4 writes `<legacyDrawing>` (notes) after `<tableParts>`, which Excel rejects (exceljs
 * issue #1369). The sort is stable and an unknown element travels with the one before it.
 * Cell data is never scanned, so this stays cheap on large sheets.
 *
 * @example
 * orderWorksheetChildren("<worksheet><sheetData/><tableParts/><legacyDrawing/></worksheet>")
 * // "<worksheet><sheetData/><legacyDrawing/><tableParts/></worksheet>"
 */
export function orderWorksheetChildren(sheetXml: string): string {
  const root = worksheetRoot(sheetXml);
  const bodyStart = root.start + root.startTag.length;
  const children = topLevelElements(sheetXml.slice(bodyStart, root.end), root.prefix);
  let rank = -1;
  const ranked = children.map((child, position) => {
    const known = WORKSHEET_CHILDREN.indexOf(child.name);
    if (known >= 0) rank = known;
    return { child, rank, position };
  });
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank || a.position - b.position);
  if (sorted.every((entry, i) => entry.position === i)) return sheetXml;
  const body = sorted.map((entry) => entry.child.xml).join("");
  const trailing = sheetXml.slice(bodyStart, root.end).slice(children.reduce((n, c) => n + c.xml.length, 0));
  return sheetXml.slice(0, bodyStart) + body + trailing + sheetXml.slice(root.end);
}

/** Start tags, end tags, comments and processing instructions (attribute values may hold `>`). */
const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;

/**
 * The element children of an element's body, each with the text before it, by local name.
 * `<sheetData>` is skipped over in one step by looking for its closing tag.
 */
function topLevelElements(body: string, prefix: string): { name: string; xml: string }[] {
  const children: { name: string; xml: string }[] = [];
  const tag = new RegExp(TAG.source, "g");
  let depth = 0;
  let chunkStart = 0;
  let name = "";
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[2] === undefined) continue;
    const [, closing, qualified, selfClosing] = m;
    if (closing) {
      depth--;
    } else {
      if (depth === 0) name = qualified.slice(qualified.indexOf(":") + 1);
      if (depth === 0 && !selfClosing && qualified === `${prefix}sheetData`) {
        const close = body.indexOf(`</${prefix}sheetData>`, tag.lastIndex);
        if (close < 0) throw new Error("worksheet part has an unclosed sheetData");
        tag.lastIndex = close + `</${prefix}sheetData>`.length;
      } else if (!selfClosing) {
        depth++;
      }
    }
    if (depth === 0) {
      children.push({ name, xml: body.slice(chunkStart, tag.lastIndex) });
      chunkStart = tag.lastIndex;
    }
  }
  return children;
}

/** The relationship id of the sheet's `<drawing>`, if it has one. */
function drawingRelId(sheetXml: string): string | undefined {
  const element = /<(?:[\w.-]+:)?drawing\s[^>]*>/.exec(sheetXml);
  if (!element) return undefined;
  const id = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(element[0]);
  return id ? unescapeXml(id[1]) : undefined;
}

/** Appends chart anchors to an existing drawing part, using that part's own prefix. */
function appendAnchors(drawingText: string, anchors: ChartAnchor[]): string {
  const root = /<([A-Za-z_][\w.-]*):wsDr\b|<wsDr\b/.exec(drawingText);
  if (!root) throw new Error("not a drawing part");
  const closing = root[1] ? `</${root[1]}:wsDr>` : "</wsDr>";
  const at = drawingText.lastIndexOf(closing);
  if (at < 0) throw new Error("drawing part has no closing tag");
  if (!root[1]) {
    // Unprefixed spreadsheetDrawing namespace: declare our prefix on each anchor.
    const own = anchors.map((a) =>
      chartAnchorXml(a).replace("<xdr:twoCellAnchor>", `<xdr:twoCellAnchor xmlns:xdr="${NS.sheetDrawing}">`),
    );
    return drawingText.slice(0, at) + own.join("") + drawingText.slice(at);
  }
  const xml = anchors.map((a) => chartAnchorXml(a, root[1])).join("");
  return drawingText.slice(0, at) + xml + drawingText.slice(at);
}

/** Highest shape id in a drawing part (shape ids must be unique within it). */
function maxShapeId(drawingText: string): number {
  let max = 1;
  for (const m of drawingText.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*\sid="(\d+)"/g))
    max = Math.max(max, Number(m[1]));
  return max;
}

/** Sheet name → worksheet part path, from the workbook part and its relationships. */
async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbookPart = await officeDocumentPart(zip);
  const workbookXml = await readText(zip, workbookPart);
  const rels = new Relationships(await readOptionalText(zip, relsPathOf(workbookPart)));
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*?)\/?>/g)) {
    const attrs = attributes(m[1]);
    const name = attrs.get("name");
    // The relationship id is the namespaced `id` attribute (`r:id`), not `sheetId`.
    const relId = [...attrs].find(([key]) => /^[\w.-]+:id$/.test(key))?.[1];
    const target = relId === undefined ? undefined : rels.targetOf(relId);
    if (name !== undefined && target) parts.set(name, resolveTarget(workbookPart, target));
  }
  return parts;
}

/** The workbook part, as the package's root relationships name it (`xl/workbook.xml` usually). */
async function officeDocumentPart(zip: JSZip): Promise<string> {
  const rootRels = new Relationships(await readOptionalText(zip, "_rels/.rels"));
  const target = rootRels.targetOfType(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  );
  return target ? resolveTarget("", target) : "xl/workbook.xml";
}

/**
 * Attributes of a start tag, values unescaped.
 *
 * @example attributes(`name="R&amp;D" r:id='rId2'`) // Map { "name" => "R&D", "r:id" => "rId2" }
 */
export function attributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1], unescapeXml(m[2] ?? m[3]));
  }
  return attrs;
}

/**
 * @example unescapeXml("Team&apos;s &amp; &#20154;&#x4E8B;") // "Team's & 人事"
 */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity] ?? "";
  });
}

/** A part's relationships, e.g. `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The part a relationship target points at, from the part that owns the relationship.
 *
 * @example resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml") // "xl/drawings/drawing1.xml"
 * @example resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet2.xml") // "xl/worksheets/sheet2.xml"
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/**
 * A relative target from one part to another.
 *
 * @example relativeTarget("xl/drawings/drawing1.xml", "xl/charts/chart3.xml") // "../charts/chart3.xml"
 */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** One past the highest number among parts named like `pattern`, so new parts never collide. */
function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  for (const name of Object.keys(zip.files)) {
    const m = pattern.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** A relationships part, kept as its original text plus the relationships added to it. */
class Relationships {
  private readonly existing: { id: string; type: string; target: string }[] = [];
  private readonly added: string[] = [];

  constructor(private readonly text: string | undefined) {
    for (const m of (text ?? "").matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*?)\/?>/g)) {
      const attrs = attributes(m[1]);
      this.existing.push({
        id: attrs.get("Id") ?? "",
        type: attrs.get("Type") ?? "",
        target: attrs.get("Target") ?? "",
      });
    }
  }

  targetOf(id: string): string | undefined {
    return this.existing.find((r) => r.id === id)?.target;
  }

  targetOfType(type: string): string | undefined {
    return this.existing.find((r) => r.type === type)?.target;
  }

  /** Adds a relationship under a fresh `rIdN` and returns that id. */
  add(type: string, target: string): string {
    const taken = new Set(this.existing.map((r) => r.id));
    let n = this.existing.length + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.existing.push({ id, type, target });
    this.added.push(`<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`);
    return id;
  }

  toXml(): string {
    const added = this.added.join("");
    if (this.text !== undefined) {
      const closing = this.text.lastIndexOf("</Relationships>");
      if (closing >= 0) return this.text.slice(0, closing) + added + this.text.slice(closing);
      // A self-closed empty <Relationships/>.
      return this.text.replace(/<Relationships\b([^>]*?)\/>/, `<Relationships$1>${added}</Relationships>`);
    }
    return XML_DECLARATION + `<Relationships xmlns="${NS.packageRels}">${added}</Relationships>`;
  }
}

/** `[Content_Types].xml` with Override entries added for new parts. */
class ContentTypes {
  private readonly added: string[] = [];

  constructor(private readonly text: string) {}

  override(partName: string, contentType: string): void {
    const already = new RegExp(`PartName="${escapeRegExp(escapeXml(partName))}"`).test(this.text);
    if (!already) {
      this.added.push(
        `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`,
      );
    }
  }

  toXml(): string {
    const closing = this.text.lastIndexOf("</Types>");
    if (closing < 0) throw new Error("[Content_Types].xml has no closing tag");
    return this.text.slice(0, closing) + this.added.join("") + this.text.slice(closing);
  }
}

/** The prefix a start tag declares for a namespace (attributes need a prefix, so not the default). */
function namespacePrefix(startTag: string, uri: string): string | undefined {
  for (const [key, value] of attributes(startTag)) {
    if (value === uri && key.startsWith("xmlns:")) return key.slice("xmlns:".length);
  }
  return undefined;
}

/** `text` as a regular expression matching it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function readText(zip: JSZip, path: string): Promise<string> {
  const text = await readOptionalText(zip, path);
  if (text === undefined) throw new Error(`the package has no part ${path}`);
  return text;
}

async function readOptionalText(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}
