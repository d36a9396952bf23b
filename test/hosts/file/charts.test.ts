import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ChartPlan } from "../../../src/workbook/plan";
import type { ChartPartPlan } from "../../../src/hosts/file/charts";
import {
  addChartsToXlsx,
  attributes,
  insertDrawingElement,
  orderWorksheetChildren,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  unescapeXml,
} from "../../../src/hosts/file/charts";
import { anchorCorners, columnIndex, escapeXml, hexColor } from "../../../src/hosts/file/drawingml";
import { convertWithLibreOffice, libreOfficeOrSkip } from "../../support/libreoffice";

/**
 * CT_Worksheet's children in schema order (ECMA-376 part 1, §18.3.1.99). Excel declares a
 * file corrupt when a sheet's children are out of this order.
 */
const WORKSHEET_ORDER = [
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

// Names chosen to need escaping in XML (&, <, >, ') and in formulas (the apostrophe doubles).
const SCORES = "Team's Scores & <Grades>";
const DASHBOARD = "仪表盘 Dashboard";
const PHOTOS = "Photos";
const SCORES_REF = "'Team''s Scores & <Grades>'";
const DASHBOARD_REF = "'仪表盘 Dashboard'";

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const names = ["Ann", "Bo", "Chen", "Dee"];
const kpi = [88, 72.5, 95, 60];
const bonus = [10, 8, 12, 5];
const grades = ["S", "A", "B", "C"];
const gradeCounts = [2, 5, 9, 3];

/** A workbook as exceljs writes it: a table and a comment on one sheet, an image on another. */
async function sourceWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const scores = wb.addWorksheet(SCORES);
  scores.addTable({
    name: "Scores",
    ref: "A1",
    columns: [{ name: "Name" }, { name: "KPI" }, { name: "Bonus" }],
    rows: names.map((n, i) => [n, kpi[i], bonus[i]]),
  });
  scores.getCell("A1").note = "Employees of the cycle";
  scores.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  scores.headerFooter = { oddFooter: "Page &P" };

  const dashboard = wb.addWorksheet(DASHBOARD);
  dashboard.getCell("A1").value = "等级";
  dashboard.getCell("B1").value = "人数";
  grades.forEach((g, i) => {
    dashboard.getCell(`A${i + 2}`).value = g;
    dashboard.getCell(`B${i + 2}`).value = gradeCounts[i];
  });

  const photos = wb.addWorksheet(PHOTOS);
  photos.getCell("A1").value = "logo";
  const image = wb.addImage({ buffer: ONE_PIXEL_PNG, extension: "png" } as never);
  photos.addImage(image, "B2:C4");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const scoreCategories = { ref: `${SCORES_REF}!$A$2:$A$5`, cache: names };
const gradeCategories = { ref: `${DASHBOARD_REF}!$A$2:$A$5`, cache: grades };

const stackedColumns: ChartPlan = {
  type: "column",
  title: 'KPI & bonus <by "employee">',
  anchor: "E2:L18",
  stacked: true,
  xTitle: "Employee",
  yTitle: "Points",
  series: [
    {
      name: "KPI",
      values: { ref: `${SCORES_REF}!$B$2:$B$5`, cache: kpi },
      categories: scoreCategories,
      color: "#1F4E79",
    },
    { name: "Bonus", values: { ref: `${SCORES_REF}!$C$2:$C$5`, cache: bonus }, categories: scoreCategories },
  ],
};
const gradePie: ChartPlan = {
  type: "pie",
  title: "等级分布",
  anchor: "D2:J16",
  series: [
    {
      name: "人数",
      values: { ref: `${DASHBOARD_REF}!$B$2:$B$5`, cache: gradeCounts },
      categories: gradeCategories,
    },
  ],
};
const gradeDoughnut: ChartPartPlan = {
  ...gradePie,
  dataLabels: true,
  type: "doughnut",
  title: "Grades (doughnut)",
  anchor: "D18:J32",
};
const kpiLine: ChartPlan = {
  type: "line",
  title: "KPI trend",
  anchor: "L2:S16",
  legend: false,
  series: [
    { name: "KPI", values: { ref: `${SCORES_REF}!$B$2:$B$5`, cache: kpi }, categories: scoreCategories },
  ],
};
const bonusBars: ChartPartPlan = {
  type: "bar",
  dataLabels: true,
  title: "Bonus",
  anchor: "E2:K14",
  series: [
    { name: "Bonus", values: { ref: `${SCORES_REF}!$C$2:$C$5`, cache: bonus }, categories: scoreCategories },
  ],
};

const plan = [
  { sheetName: SCORES, charts: [stackedColumns] },
  { sheetName: DASHBOARD, charts: [gradePie, gradeDoughnut, kpiLine] },
  { sheetName: PHOTOS, charts: [bonusBars] },
];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false });
const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
});

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`missing part ${path}`);
  return file.async("string");
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

async function rels(zip: JSZip, part: string): Promise<Rel[]> {
  const xml = await text(zip, relsPathOf(part));
  return [...xml.matchAll(/<Relationship\s([^>]*?)\/>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: a.get("Id")!, type: a.get("Type")!.split("/").pop()!, target: a.get("Target")! };
  });
}

/** Sheet name → part, read independently of the code under test via the parser. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = parser.parse(await text(zip, "xl/workbook.xml"));
  const sheets = [workbook.workbook.sheets.sheet].flat() as Record<string, string>[];
  const sheet = sheets.find((s) => s["@name"] === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rel = (await rels(zip, "xl/workbook.xml")).find((r) => r.id === sheet["@r:id"])!;
  return resolveTarget("xl/workbook.xml", rel.target);
}

/** Children of the worksheet root, in document order. */
function worksheetChildren(xml: string): string[] {
  const doc = orderedParser.parse(xml) as Record<string, unknown>[];
  const root = doc.find((n) => "worksheet" in n) as { worksheet: Record<string, unknown>[] };
  return root.worksheet.map((n) => Object.keys(n).find((k) => k !== ":@")!);
}

/** Drawing part and chart parts reachable from a sheet. */
async function chartsOfSheet(zip: JSZip, name: string): Promise<{ drawing: string; charts: string[] }> {
  const part = await sheetPart(zip, name);
  const drawingRel = (await rels(zip, part)).filter((r) => r.type === "drawing");
  expect(drawingRel).toHaveLength(1);
  const drawing = resolveTarget(part, drawingRel[0].target);
  const charts = (await rels(zip, drawing))
    .filter((r) => r.type === "chart")
    .map((r) => resolveTarget(drawing, r.target));
  return { drawing, charts };
}

describe("DrawingML helpers", () => {
  it("anchors a chart on whole cells: H2:P18 is columns H..P (7..15), rows 2..18 (1..17)", () => {
    // `to` is the cell after the last one covered, at offset 0: column Q (16), row 19 (18).
    expect(anchorCorners("H2:P18")).toEqual({ from: { col: 7, row: 1 }, to: { col: 16, row: 18 } });
    expect(anchorCorners("$P$18:$H$2")).toEqual({ from: { col: 7, row: 1 }, to: { col: 16, row: 18 } });
    expect(() => anchorCorners("H2")).toThrow(/cell range/);
  });

  it("counts columns in base 26 without zero", () => {
    expect(columnIndex("A")).toBe(0);
    expect(columnIndex("Z")).toBe(25);
    expect(columnIndex("AA")).toBe(26);
    expect(columnIndex("XFD")).toBe(16383); // Excel's last column, 16384 columns
  });

  it("escapes and unescapes text", () => {
    expect(escapeXml(`R&D <"Ann's">`)).toBe("R&amp;D &lt;&quot;Ann&apos;s&quot;&gt;");
    expect(unescapeXml("Team&apos;s &amp; &#20154;&#x4E8B;")).toBe("Team's & 人事");
  });

  it("normalises colours to RRGGBB", () => {
    expect(hexColor("#1f4e79")).toBe("1F4E79");
    expect(hexColor("FF1F4E79")).toBe("1F4E79");
    expect(() => hexColor("blue")).toThrow();
  });

  it("resolves relationship targets both ways", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing2.xml")).toBe(
      "xl/drawings/drawing2.xml",
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet3.xml")).toBe("xl/worksheets/sheet3.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing2.xml")).toBe(
      "../drawings/drawing2.xml",
    );
    expect(relsPathOf("xl/drawings/drawing2.xml")).toBe("xl/drawings/_rels/drawing2.xml.rels");
  });

  it("puts <drawing> after headerFooter and before legacyDrawing", () => {
    const sheet =
      '<worksheet xmlns="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetData/><pageSetup/><headerFooter/><legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>';
    expect(worksheetChildren(insertDrawingElement(sheet, "rId2"))).toEqual([
      "sheetData",
      "pageSetup",
      "headerFooter",
      "drawing",
      "legacyDrawing",
      "tableParts",
    ]);
  });

  it("puts <drawing> last when nothing must follow it, declaring the r namespace if missing", () => {
    const out = insertDrawingElement('<worksheet xmlns="x"><sheetData/><pageMargins/></worksheet>', "rId1");
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain(
      '<worksheet xmlns="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    );
    expect(worksheetChildren(out)).toEqual(["sheetData", "pageMargins", "drawing"]);
  });
});

describe("orderWorksheetChildren", () => {
  it("moves exceljs's legacyDrawing (notes) before tableParts, keeping nested content whole", () => {
    const sheet =
      '<?xml version="1.0"?>\n<worksheet xmlns="x" xmlns:r="r"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts><legacyDrawing r:id="rId2"/>' +
      '<extLst><ext uri="u"><tableParts/></ext></extLst></worksheet>';
    const out = orderWorksheetChildren(sheet);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(worksheetChildren(out)).toEqual(["sheetData", "legacyDrawing", "tableParts", "extLst"]);
    expect(out).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
    expect(out).toContain('<extLst><ext uri="u"><tableParts/></ext></extLst></worksheet>');
  });

  it("returns an ordered sheet unchanged and lets an unknown element travel with its predecessor", () => {
    const ordered = '<worksheet xmlns="x"><sheetData/><pageMargins/><mystery/><drawing/></worksheet>';
    expect(orderWorksheetChildren(ordered)).toBe(ordered);
    const shuffled = '<worksheet xmlns="x"><sheetData/><drawing/><pageMargins a=">"/><mystery/></worksheet>';
    expect(worksheetChildren(orderWorksheetChildren(shuffled))).toEqual([
      "sheetData",
      "pageMargins",
      "mystery",
      "drawing",
    ]);
  });
});

describe("addChartsToXlsx", () => {
  let source: Buffer;
  let output: Uint8Array;
  let zip: JSZip;

  beforeAll(async () => {
    source = await sourceWorkbook();
    output = await addChartsToXlsx(source, plan);
    zip = await JSZip.loadAsync(output);
  });

  it("starts from a package where exceljs already wrote rels for the table, comment and image", async () => {
    const before = await JSZip.loadAsync(source);
    const scoresRels = (await rels(before, await sheetPart(before, SCORES))).map((r) => r.type).sort();
    expect(scoresRels).toEqual(["comments", "table", "vmlDrawing"]);
    expect((await rels(before, await sheetPart(before, PHOTOS))).map((r) => r.type)).toEqual(["drawing"]);
  });

  it("writes one chart part per chart, all well-formed and declared in the content types", async () => {
    const chartParts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartParts.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `xl/charts/chart${n}.xml`));
    const types = await text(zip, "[Content_Types].xml");
    expect(XMLValidator.validate(types)).toBe(true);
    for (const part of chartParts) {
      expect(XMLValidator.validate(await text(zip, part))).toBe(true);
      expect(types).toContain(
        `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    }
    // Two new drawing parts (scores, dashboard); the photo sheet keeps exceljs's drawing1.
    const drawings = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings.sort()).toEqual([
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/drawings/drawing3.xml",
    ]);
    for (const part of drawings) {
      expect(XMLValidator.validate(await text(zip, part))).toBe(true);
      expect(types).toContain(
        `PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`,
      );
    }
  });

  it("keeps the existing sheet relationships and adds the drawing under a fresh id", async () => {
    const part = await sheetPart(zip, SCORES);
    const sheetRels = await rels(zip, part);
    expect(sheetRels.map((r) => r.type).sort()).toEqual(["comments", "drawing", "table", "vmlDrawing"]);
    expect(new Set(sheetRels.map((r) => r.id)).size).toBe(sheetRels.length);
    const xml = await text(zip, part);
    const drawingRel = sheetRels.find((r) => r.type === "drawing")!;
    expect(xml).toContain(`<drawing r:id="${drawingRel.id}"/>`);
  });

  it("places <drawing> in schema order in every sheet", async () => {
    for (const name of [SCORES, DASHBOARD, PHOTOS]) {
      const xml = await text(zip, await sheetPart(zip, name));
      expect(XMLValidator.validate(xml)).toBe(true);
      const children = worksheetChildren(xml);
      expect(children.filter((c) => c === "drawing")).toHaveLength(1);
      const positions = children.map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(positions).not.toContain(-1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    // The scores sheet has all the neighbours: headerFooter before, legacyDrawing and tableParts after.
    const scores = worksheetChildren(await text(zip, await sheetPart(zip, SCORES)));
    const at = (name: string): number => scores.indexOf(name);
    expect(at("headerFooter")).toBeGreaterThan(-1);
    expect(at("headerFooter")).toBeLessThan(at("drawing"));
    expect(at("drawing")).toBeLessThan(at("legacyDrawing"));
    expect(at("legacyDrawing")).toBeLessThan(at("tableParts"));
  });

  it("anchors each chart over its cell range and links it to its chart part", async () => {
    const { drawing, charts } = await chartsOfSheet(zip, DASHBOARD);
    expect(charts).toHaveLength(3);
    const doc = parser.parse(await text(zip, drawing));
    const anchors = [doc["xdr:wsDr"]["xdr:twoCellAnchor"]].flat();
    // D2:J16 → from column D (3), row 2 (1); to column K (10), row 17 (16).
    expect(anchors[0]["xdr:from"]).toMatchObject({ "xdr:col": "3", "xdr:row": "1" });
    expect(anchors[0]["xdr:to"]).toMatchObject({ "xdr:col": "10", "xdr:row": "16" });
    const ids = anchors.map((a) => a["xdr:graphicFrame"]["xdr:nvGraphicFramePr"]["xdr:cNvPr"]["@id"]);
    expect(new Set(ids).size).toBe(3);
    const chartTypes = await Promise.all(
      charts.map(async (c) =>
        Object.keys(parser.parse(await text(zip, c))["c:chartSpace"]["c:chart"]["c:plotArea"]),
      ),
    );
    expect(chartTypes.map((keys) => keys.find((k) => k.endsWith("Chart")))).toEqual([
      "c:pieChart",
      "c:doughnutChart",
      "c:lineChart",
    ]);
  });

  it("writes the stacked column chart with escaped title, refs, caches, colours and axis titles", async () => {
    const { charts } = await chartsOfSheet(zip, SCORES);
    const space = parser.parse(await text(zip, charts[0]))["c:chartSpace"];
    const chart = space["c:chart"];
    expect(chart["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe('KPI & bonus <by "employee">');
    const bar = chart["c:plotArea"]["c:barChart"];
    expect(bar["c:barDir"]["@val"]).toBe("col");
    expect(bar["c:grouping"]["@val"]).toBe("stacked");
    expect(bar["c:overlap"]["@val"]).toBe("100");
    const [kpiSeries, bonusSeries] = bar["c:ser"];
    expect(kpiSeries["c:tx"]["c:v"]).toBe("KPI");
    expect(kpiSeries["c:val"]["c:numRef"]["c:f"]).toBe("'Team''s Scores & <Grades>'!$B$2:$B$5");
    const points = kpiSeries["c:val"]["c:numRef"]["c:numCache"]["c:pt"];
    expect(points.map((p: { "c:v": string }) => Number(p["c:v"]))).toEqual([88, 72.5, 95, 60]);
    const cats = kpiSeries["c:cat"]["c:strRef"]["c:strCache"];
    expect(cats["c:ptCount"]["@val"]).toBe("4");
    expect(cats["c:pt"].map((p: { "c:v": string }) => p["c:v"])).toEqual(names);
    expect(kpiSeries["c:spPr"]["a:solidFill"]["a:srgbClr"]["@val"]).toBe("1F4E79");
    // The second series has no colour in the plan but still gets one, different from the first.
    expect(bonusSeries["c:spPr"]["a:solidFill"]["a:srgbClr"]["@val"]).not.toBe("1F4E79");
    const axes = chart["c:plotArea"];
    expect(axes["c:catAx"]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("Employee");
    expect(axes["c:valAx"]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("Points");
    expect(chart["c:legend"]).toBeDefined(); // two series: legend on by default
  });

  it("colours each pie slice and omits the legend when the plan says so", async () => {
    const { charts } = await chartsOfSheet(zip, DASHBOARD);
    const pie = parser.parse(await text(zip, charts[0]))["c:chartSpace"]["c:chart"];
    const slices = pie["c:plotArea"]["c:pieChart"]["c:ser"]["c:dPt"];
    expect(slices).toHaveLength(4);
    const colours = slices.map((d: Record<string, never>) => d["c:spPr"]["a:solidFill"]["a:srgbClr"]["@val"]);
    expect(new Set(colours).size).toBe(4);
    expect(pie["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("等级分布");
    const line = parser.parse(await text(zip, charts[2]))["c:chartSpace"]["c:chart"];
    expect(line["c:legend"]).toBeUndefined();
  });

  it("labels slices with percentages and bars with values only when asked", async () => {
    const { charts } = await chartsOfSheet(zip, DASHBOARD);
    const plotOf = async (part: string) =>
      parser.parse(await text(zip, part))["c:chartSpace"]["c:chart"]["c:plotArea"];
    expect((await plotOf(charts[0]))["c:pieChart"]["c:dLbls"]).toBeUndefined();
    const doughnutLabels = (await plotOf(charts[1]))["c:doughnutChart"]["c:dLbls"];
    expect(doughnutLabels["c:showPercent"]["@val"]).toBe("1");
    expect(doughnutLabels["c:showVal"]["@val"]).toBe("0");
    const bars = (await chartsOfSheet(zip, PHOTOS)).charts[0];
    const barLabels = (await plotOf(bars))["c:barChart"]["c:dLbls"];
    expect(barLabels["c:showVal"]["@val"]).toBe("1");
    expect(barLabels["c:showPercent"]["@val"]).toBe("0");
  });

  it("merges into the drawing exceljs wrote for an image", async () => {
    const { drawing, charts } = await chartsOfSheet(zip, PHOTOS);
    expect(charts).toHaveLength(1);
    const doc = parser.parse(await text(zip, drawing))["xdr:wsDr"];
    const anchors = [doc["xdr:oneCellAnchor"], doc["xdr:twoCellAnchor"]].flat().filter(Boolean);
    expect(anchors.some((a) => a["xdr:pic"])).toBe(true);
    const frame = anchors.find((a) => a["xdr:graphicFrame"]);
    expect(frame).toBeDefined();
    const imageRels = (await rels(zip, drawing)).filter((r) => r.type === "image");
    expect(imageRels).toHaveLength(1);
    const all = await rels(zip, drawing);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const shapeIds = [...(await text(zip, drawing)).matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(shapeIds).size).toBe(shapeIds.length);
  });

  it("numbers parts after existing ones when run again on its own output", async () => {
    const again = await JSZip.loadAsync(
      await addChartsToXlsx(output, [{ sheetName: SCORES, charts: [bonusBars] }]),
    );
    const { charts } = await chartsOfSheet(again, SCORES);
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart6.xml"]);
    const xml = await text(again, await sheetPart(again, SCORES));
    expect(xml.match(/<drawing /g)).toHaveLength(1);
  });

  it("leaves a file exceljs can still read", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual([SCORES, DASHBOARD, PHOTOS]);
    expect(wb.getWorksheet(SCORES)!.getCell("B3").value).toBe(72.5);
    expect(wb.getWorksheet(DASHBOARD)!.getCell("A1").value).toBe("等级");
  });

  it("rejects a sheet name that is not in the workbook", async () => {
    await expect(addChartsToXlsx(source, [{ sheetName: "Nope", charts: [bonusBars] }])).rejects.toThrow(
      /Nope/,
    );
  });
});

describe.skipIf(!libreOfficeOrSkip())("charts through LibreOffice", () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "perfsheet-charts-"));
    input = join(dir, "charts.xlsx");
    writeFileSync(input, await addChartsToXlsx(await sourceWorkbook(), plan));
  });

  it("keeps every chart and its series refs when LibreOffice re-saves the file", async () => {
    const resaved = await convertWithLibreOffice(input, "xlsx", join(dir, "xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(resaved));
    const chartParts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartParts).toHaveLength(5);
    const xml = (await Promise.all(chartParts.map((p) => text(zip, p)))).join("\n");
    const kinds = [...xml.matchAll(/<c:(barChart|pieChart|doughnutChart|lineChart)>/g)]
      .map((m) => m[1])
      .sort();
    expect(kinds).toEqual(["barChart", "barChart", "doughnutChart", "lineChart", "pieChart"]);
    const refs = new Set([...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unescapeXml(m[1])));
    for (const ref of [
      `${SCORES_REF}!$B$2:$B$5`,
      `${SCORES_REF}!$C$2:$C$5`,
      `${SCORES_REF}!$A$2:$A$5`,
      `${DASHBOARD_REF}!$B$2:$B$5`,
      `${DASHBOARD_REF}!$A$2:$A$5`,
    ]) {
      expect(refs).toContain(ref);
    }
  });

  it("renders the workbook with its charts to PDF", async () => {
    const pdf = await convertWithLibreOffice(input, "pdf", join(dir, "pdf"));
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    console.info(`charts PDF for a visual check: ${pdf}`);
  });
});
