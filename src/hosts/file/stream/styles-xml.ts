/**
 * Cell formats of the generated sheets, registered into the input's own styles part. The
 * input's fonts, fills, borders, number formats, cell formats and differential formats keep
 * their indexes (users' sheets are copied as they are and refer to them); ours are appended
 * after them, one per distinct look, and the part is rewritten once at the end.
 */
import { STYLES, type CellStyle, type StyleName } from "../../../workbook/styles";
import { escapeXml, NS, XML_DECLARATION } from "../drawingml";
import { attributes } from "../charts";

const BORDER_COLOR = "FFBFBFBF";
const DATE_FORMAT = STYLES.date.numFmt;

/** Built-in number formats that need no `<numFmt>` entry (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

const argb = (rgb: string): string => "FF" + rgb.replace(/^#/, "").toUpperCase();

/** A section of the styles part: where its children end and how many there are. */
interface Section {
  tag: string;
  child: string;
  added: string[];
  count: number;
}

const EMPTY_STYLESHEET =
  XML_DECLARATION +
  `<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** The appended formats of one styles part, and the part rewritten with them. */
export class StyleRegistry {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly sections: Record<"numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs", Section>;
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  /** The base font's elements other than bold, italic, size and colour (its name, family, scheme). */
  private readonly baseFont: { size: string; rest: string };
  private readonly parts = new Map<string, number>();
  /** Cell format indexes by style name, for [plain, unlocked, date, date unlocked]; -1 = not yet made. */
  private readonly xfs = new Map<StyleName | undefined, number[]>();

  constructor(stylesXml: string | undefined) {
    this.xml = stylesXml ?? EMPTY_STYLESHEET;
    this.prefix = /<([\w.-]+:)?styleSheet\b/.exec(this.xml)?.[1] ?? "";
    const section = (tag: string, child: string): Section => ({
      tag,
      child,
      added: [],
      count: this.countChildren(tag, child),
    });
    this.sections = {
      numFmts: section("numFmts", "numFmt"),
      fonts: section("fonts", "font"),
      fills: section("fills", "fill"),
      borders: section("borders", "border"),
      cellXfs: section("cellXfs", "xf"),
      dxfs: section("dxfs", "dxf"),
    };
    for (const m of this.xml.matchAll(/<(?:[\w.-]+:)?numFmt\s([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
    const font =
      /<(?:[\w.-]+:)?fonts\b[^>]*>\s*<(?:[\w.-]+:)?font\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?font>/.exec(
        this.xml,
      );
    const body = font?.[1] ?? "";
    const size = /<(?:[\w.-]+:)?sz\s[^>]*\/>/.exec(body)?.[0] ?? '<sz val="11"/>';
    const rest = [...body.matchAll(/<(?:[\w.-]+:)?(?:name|family|charset|scheme)\s[^>]*\/>/g)]
      .map((m) => m[0])
      .join("");
    this.baseFont = { size, rest };
  }

  /**
   * The cell format index of a plan style on a cell: its named style, a date's number format
   * when the style has none, and whether the cell stays unlocked on a protected sheet.
   */
  cellFormat(styleName: StyleName | undefined, date: boolean, unlocked: boolean): number {
    let known = this.xfs.get(styleName);
    if (known === undefined) this.xfs.set(styleName, (known = [-1, -1, -1, -1]));
    const slot = (date ? 2 : 0) + (unlocked ? 1 : 0);
    let index = known[slot];
    if (index < 0) {
      const style: CellStyle = { ...(styleName ? (STYLES[styleName] as CellStyle) : {}) };
      if (date && !style.numFmt) style.numFmt = DATE_FORMAT;
      index = known[slot] = this.isPlain(style) && !unlocked ? 0 : this.addXf(style, unlocked);
    }
    return index;
  }

  /** A differential format (conditional formats): fill and font colour. */
  differentialFormat(fill: string | undefined, font: string | undefined): number {
    const p = this.prefix;
    let xml = `<${p}dxf>`;
    if (font) xml += `<${p}font><${p}color rgb="${argb(font)}"/></${p}font>`;
    if (fill) {
      xml += `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill>`;
    }
    xml += `</${p}dxf>`;
    return this.part("dxfs", xml);
  }

  /** The styles part with every registered format appended. */
  toXml(): string {
    let xml = this.xml;
    const order = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const;
    for (const name of order) {
      const s = this.sections[name];
      if (s.added.length === 0) continue;
      xml = this.appendTo(xml, s);
    }
    return xml;
  }

  private isPlain(style: CellStyle): boolean {
    return Object.keys(style).length === 0;
  }

  private addXf(style: CellStyle, unlocked: boolean): number {
    const p = this.prefix;
    const numFmtId = style.numFmt ? this.numFmt(style.numFmt) : 0;
    const fontId = style.bold || style.italic || style.size || style.color ? this.font(style) : 0;
    const fillId = style.fill
      ? this.part(
          "fills",
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(style.fill)}"/>` +
            `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
        )
      : 0;
    const borderId = style.border ? this.border() : 0;
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) attrs += ' applyNumberFormat="1"';
    if (fontId) attrs += ' applyFont="1"';
    if (fillId) attrs += ' applyFill="1"';
    if (borderId) attrs += ' applyBorder="1"';
    let children = "";
    if (style.align || style.valign || style.wrap) {
      attrs += ' applyAlignment="1"';
      let a = "";
      if (style.align) a += ` horizontal="${style.align}"`;
      if (style.valign) a += ` vertical="${style.valign === "middle" ? "center" : style.valign}"`;
      if (style.wrap) a += ' wrapText="1"';
      children += `<${p}alignment${a}/>`;
    }
    if (unlocked) {
      attrs += ' applyProtection="1"';
      children += `<${p}protection locked="0"/>`;
    }
    const xml = children ? `<${p}xf ${attrs}>${children}</${p}xf>` : `<${p}xf ${attrs}/>`;
    return this.part("cellXfs", xml);
  }

  private numFmt(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.sections.numFmts.added.push(
        `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
      );
      this.sections.numFmts.count++;
    }
    return id;
  }

  private font(style: CellStyle): number {
    const p = this.prefix;
    let xml = `<${p}font>`;
    if (style.bold) xml += `<${p}b/>`;
    if (style.italic) xml += `<${p}i/>`;
    xml += style.size ? `<${p}sz val="${style.size}"/>` : this.baseFont.size;
    if (style.color) xml += `<${p}color rgb="${argb(style.color)}"/>`;
    xml += this.baseFont.rest + `</${p}font>`;
    return this.part("fonts", xml);
  }

  private border(): number {
    const p = this.prefix;
    const side = (name: string) =>
      `<${p}${name} style="thin"><${p}color rgb="${BORDER_COLOR}"/></${p}${name}>`;
    const xml = `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
    return this.part("borders", xml);
  }

  /** Index of an element appended to a section, the same element appended once. */
  private part(section: "fonts" | "fills" | "borders" | "cellXfs" | "dxfs", xml: string): number {
    const key = `${section}:${xml}`;
    let index = this.parts.get(key);
    if (index === undefined) {
      const s = this.sections[section];
      index = s.count++;
      s.added.push(xml);
      this.parts.set(key, index);
    }
    return index;
  }

  private countChildren(tag: string, child: string): number {
    const m = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>)`).exec(
      this.xml,
    );
    if (!m || !m[1]) return 0;
    // Direct children only: a cellXfs' xf has no nested xf, a font has no nested font.
    return (m[1].match(new RegExp(`<(?:[\\w.-]+:)?${child}[\\s/>]`, "g")) ?? []).length;
  }

  /** The part with a section's added children and count, creating the section where needed. */
  private appendTo(xml: string, s: Section): string {
    const p = this.prefix;
    const open = new RegExp(`<(?:[\\w.-]+:)?${s.tag}\\b([^>]*?)(/?)>`).exec(xml);
    const added = s.added.join("");
    if (open) {
      const attrs = open[1].replace(/\s+count="\d*"/, "");
      const start = `<${p}${s.tag}${attrs} count="${s.count}">`;
      if (open[2] === "/") {
        return (
          xml.slice(0, open.index) +
          start +
          added +
          `</${p}${s.tag}>` +
          xml.slice(open.index + open[0].length)
        );
      }
      const close = xml.indexOf(`</${p}${s.tag}>`, open.index);
      return (
        xml.slice(0, open.index) +
        start +
        xml.slice(open.index + open[0].length, close) +
        added +
        xml.slice(close)
      );
    }
    // A missing section goes where the schema wants it: numFmts first, dxfs after cellStyles.
    const element = `<${p}${s.tag} count="${s.count}">${added}</${p}${s.tag}>`;
    const after = s.tag === "numFmts" ? "styleSheet" : s.tag === "dxfs" ? "cellStyles" : "cellXfs";
    if (after === "styleSheet") {
      const root = /<(?:[\w.-]+:)?styleSheet\b[^>]*>/.exec(xml)!;
      const at = root.index + root[0].length;
      return xml.slice(0, at) + element + xml.slice(at);
    }
    for (const tag of [after, "cellXfs"]) {
      const close = xml.indexOf(`</${p}${tag}>`);
      if (close >= 0) {
        const at = close + `</${p}${tag}>`.length;
        return xml.slice(0, at) + element + xml.slice(at);
      }
    }
    throw new Error(`styles part has no place for <${s.tag}>`);
  }
}
