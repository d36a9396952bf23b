/**
 * DrawingML text for chart parts: the chart itself (`c:chartSpace`) and the anchors that place
 * charts on a sheet (`xdr:twoCellAnchor`). Pure string building, no package access; the
 * package surgery lives in charts.ts. Element order follows the OOXML schema (ECMA-376
 * part 1, chart and spreadsheetDrawing schemas): Excel rejects a part whose children are out
 * of order, even when every element is otherwise valid.
 */
import { showsLegend, type ChartPlan, type ChartSeriesPlan } from "../../workbook/plan";

export const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/main",
  sheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  officeRels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  /** A package's relationships parts (`_rels/*.rels`). */
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  /** SpreadsheetML: workbook, worksheets, tables, styles. */
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Colours given to series (and pie slices) that have none, so a chart looks the same in every
 * application instead of depending on each one's default palette.
 */
export const DEFAULT_PALETTE = [
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "264478",
  "9E480E",
];

/** Options beyond the plan's chart: data labels are off unless asked for. */
export interface ChartPartOptions {
  /** Values on bars and line points; percentages on pie and doughnut slices. */
  dataLabels?: boolean;
}

/**
 * Escapes text for an XML element or a double-quoted attribute.
 *
 * @example escapeXml(`R&D <"core">`) // "R&amp;D &lt;&quot;core&quot;&gt;"
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]);
}

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Colour as the 6 hex digits DrawingML wants; accepts `#RRGGBB` and Excel's `AARRGGBB`.
 *
 * @example hexColor("#1f4e79") // "1F4E79"
 * @example hexColor("FF1F4E79") // "1F4E79"
 */
export function hexColor(color: string): string {
  const digits = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(digits)) return digits;
  if (/^[0-9A-F]{8}$/.test(digits)) return digits.slice(2);
  throw new Error(`not a colour: "${color}" (expected RRGGBB)`);
}

/** A zero-based cell position, as drawing anchors count columns and rows. */
export interface CellMarker {
  col: number;
  row: number;
}

/**
 * The anchor corners of a chart covering a cell rectangle. `to` is the cell just past the
 * bottom-right corner (offset 0), so the chart covers the last row and column in full.
 *
 * @example anchorCorners("H2:P18") // { from: { col: 7, row: 1 }, to: { col: 16, row: 18 } }
 */
export function anchorCorners(range: string): { from: CellMarker; to: CellMarker } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/i.exec(range.trim());
  if (!match) throw new Error(`chart anchor must be a cell range like "H2:P18", got "${range}"`);
  const cols = [columnIndex(match[1]), columnIndex(match[3])];
  const rows = [Number(match[2]) - 1, Number(match[4]) - 1];
  if (rows[0] < 0 || rows[1] < 0) throw new Error(`chart anchor has row 0: "${range}"`);
  return {
    from: { col: Math.min(...cols), row: Math.min(...rows) },
    to: { col: Math.max(...cols) + 1, row: Math.max(...rows) + 1 },
  };
}

/**
 * Zero-based index of a column's letters.
 *
 * @example columnIndex("A") // 0
 * @example columnIndex("AB") // 27 (26 single letters, then AA=26, AB=27)
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** One chart's anchor in a sheet's drawing part. */
export interface ChartAnchor {
  range: string;
  /** Relationship id, in the drawing part's rels, of the chart part. */
  relId: string;
  /** Shape id, unique within the drawing part. */
  shapeId: number;
  name: string;
}

/**
 * A `twoCellAnchor` holding a chart frame. It declares the `a`, `c` and `r` namespaces itself
 * so that it can be appended to a drawing part written by someone else (exceljs for images)
 * whatever that part declares; only the spreadsheetDrawing prefix is taken from the host part.
 */
export function chartAnchorXml(anchor: ChartAnchor, xdr = "xdr"): string {
  const { from, to } = anchorCorners(anchor.range);
  const marker = (tag: string, m: CellMarker): string =>
    `<${xdr}:${tag}><${xdr}:col>${m.col}</${xdr}:col><${xdr}:colOff>0</${xdr}:colOff>` +
    `<${xdr}:row>${m.row}</${xdr}:row><${xdr}:rowOff>0</${xdr}:rowOff></${xdr}:${tag}>`;
  return (
    `<${xdr}:twoCellAnchor>` +
    marker("from", from) +
    marker("to", to) +
    `<${xdr}:graphicFrame macro="" xmlns:a="${NS.drawing}">` +
    `<${xdr}:nvGraphicFramePr><${xdr}:cNvPr id="${anchor.shapeId}" name="${escapeXml(anchor.name)}"/>` +
    `<${xdr}:cNvGraphicFramePr/></${xdr}:nvGraphicFramePr>` +
    `<${xdr}:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></${xdr}:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}">` +
    `<c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.officeRels}" r:id="${escapeXml(anchor.relId)}"/>` +
    `</a:graphicData></a:graphic></${xdr}:graphicFrame><${xdr}:clientData/></${xdr}:twoCellAnchor>`
  );
}

/** A whole new drawing part holding the given chart anchors. */
export function drawingXml(anchors: ChartAnchor[]): string {
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.drawing}">` +
    anchors.map((a) => chartAnchorXml(a)).join("") +
    `</xdr:wsDr>`
  );
}

/** A chart part (`xl/charts/chartN.xml`) for one planned chart. */
export function chartSpaceXml(chart: ChartPlan, options: ChartPartOptions = {}): string {
  if (chart.series.length === 0) throw new Error(`chart "${chart.title}" has no series`);
  const legend = showsLegend(chart);
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawing}" xmlns:r="${NS.officeRels}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    titleXml(chart.title, 1400) +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    plotXml(chart, options) +
    `</c:plotArea>` +
    (legend
      ? `<c:legend><c:legendPos val="${isRound(chart) ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`
      : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

function isRound(chart: ChartPlan): boolean {
  return chart.type === "pie" || chart.type === "doughnut";
}

/** Axis ids are local to a chart part; any two distinct numbers do. */
const CATEGORY_AXIS_ID = 500000001;
const VALUE_AXIS_ID = 500000002;

function plotXml(chart: ChartPlan, options: ChartPartOptions): string {
  const labels = options.dataLabels ? dataLabelsXml(isRound(chart)) : "";
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  switch (chart.type) {
    case "column":
    case "bar": {
      const series = chart.series.map((s, i) => barSeriesXml(s, i)).join("");
      return (
        `<c:barChart><c:barDir val="${chart.type === "column" ? "col" : "bar"}"/>` +
        `<c:grouping val="${chart.stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
        series +
        labels +
        `<c:gapWidth val="80"/>` +
        // Stacked bars must overlap fully, or each stack is drawn as offset slivers.
        (chart.stacked ? `<c:overlap val="100"/>` : "") +
        axisIds +
        `</c:barChart>` +
        axesXml(chart, chart.type === "bar")
      );
    }
    case "line": {
      const series = chart.series.map((s, i) => lineSeriesXml(s, i)).join("");
      return (
        `<c:lineChart><c:grouping val="${chart.stacked ? "stacked" : "standard"}"/><c:varyColors val="0"/>` +
        series +
        labels +
        `<c:marker val="1"/>` +
        axisIds +
        `</c:lineChart>` +
        axesXml(chart, false)
      );
    }
    case "pie":
    case "doughnut": {
      const series = chart.series.map((s, i) => roundSeriesXml(s, i)).join("");
      const tag = chart.type === "pie" ? "c:pieChart" : "c:doughnutChart";
      return (
        `<${tag}><c:varyColors val="1"/>` +
        series +
        labels +
        `<c:firstSliceAng val="0"/>` +
        (chart.type === "doughnut" ? `<c:holeSize val="50"/>` : "") +
        `</${tag}>`
      );
    }
  }
}

/** Series name as literal text: plans name series, they do not point at a header cell. */
function seriesHeadXml(series: ChartSeriesPlan, index: number): string {
  return `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>`;
}

function seriesColor(series: ChartSeriesPlan, index: number): string {
  return series.color ? hexColor(series.color) : DEFAULT_PALETTE[index % DEFAULT_PALETTE.length];
}

function fillXml(color: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
}

function barSeriesXml(series: ChartSeriesPlan, index: number): string {
  return (
    `<c:ser>` +
    seriesHeadXml(series, index) +
    fillXml(seriesColor(series, index)) +
    `<c:invertIfNegative val="0"/>` +
    categoriesXml(series) +
    valuesXml(series) +
    `</c:ser>`
  );
}

function lineSeriesXml(series: ChartSeriesPlan, index: number): string {
  const color = seriesColor(series, index);
  return (
    `<c:ser>` +
    seriesHeadXml(series, index) +
    `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>` +
    `<a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="6"/>${fillXml(color)}</c:marker>` +
    categoriesXml(series) +
    valuesXml(series) +
    `<c:smooth val="0"/>` +
    `</c:ser>`
  );
}

/**
 * Pie and doughnut series: one colour per slice (a series colour would paint every slice
 * alike), starting from the series colour when the plan gives one.
 */
function roundSeriesXml(series: ChartSeriesPlan, index: number): string {
  const first = series.color ? hexColor(series.color) : undefined;
  const palette = first ? [first, ...DEFAULT_PALETTE.filter((c) => c !== first)] : DEFAULT_PALETTE;
  const points = series.values.cache
    .map(
      (_, i) =>
        `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${palette[i % palette.length]}"/></a:solidFill>` +
        `<a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`,
    )
    .join("");
  return (
    `<c:ser>` + seriesHeadXml(series, index) + points + categoriesXml(series) + valuesXml(series) + `</c:ser>`
  );
}

function categoriesXml(series: ChartSeriesPlan): string {
  if (!series.categories) return "";
  const { ref, cache } = series.categories;
  const points = cache.map((text, i) => `<c:pt idx="${i}"><c:v>${escapeXml(text)}</c:v></c:pt>`).join("");
  return (
    `<c:cat><c:strRef><c:f>${escapeXml(ref)}</c:f>` +
    `<c:strCache><c:ptCount val="${cache.length}"/>${points}</c:strCache></c:strRef></c:cat>`
  );
}

/** Values with their cache; a missing (non-finite) value is left out of the cache, i.e. blank. */
function valuesXml(series: ChartSeriesPlan): string {
  const { ref, cache } = series.values;
  const points = cache
    .map((v, i) => (Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:val><c:numRef><c:f>${escapeXml(ref)}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cache.length}"/>${points}` +
    `</c:numCache></c:numRef></c:val>`
  );
}

function dataLabelsXml(round: boolean): string {
  return (
    `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="${round ? 0 : 1}"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="${round ? 1 : 0}"/><c:showBubbleSize val="0"/>` +
    (round ? `<c:showLeaderLines val="1"/>` : "") +
    `</c:dLbls>`
  );
}

/** A rich-text title; `size` in hundredths of a point. */
function titleXml(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/**
 * Category and value axes. Horizontal bars put categories on the left and values at the
 * bottom; columns and lines the other way round. `xTitle` names the category axis and
 * `yTitle` the value axis whichever way they are drawn.
 */
function axesXml(chart: ChartPlan, horizontal: boolean): string {
  const gridColor = "D9D9D9";
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    (chart.xTitle ? titleXml(chart.xTitle, 1000) : "") +
    `<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>` +
    `</c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="${gridColor}"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    (chart.yTitle ? titleXml(chart.yTitle, 1000) : "") +
    `<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/>` +
    `</c:valAx>`
  );
}
