/**
 * Two internals of exceljs the fast reader reuses so that it reads a workbook exactly as the
 * exceljs reader does: its table of built-in number formats, and its defined-names model
 * (which keeps only absolute cell ranges and re-joins them into rectangles).
 */
declare module "exceljs/lib/xlsx/defaultnumformats" {
  const formats: Record<string, { f?: string }>;
  export = formats;
}

declare module "exceljs/lib/doc/defined-names" {
  class DefinedNames {
    model: { name: string; ranges: string[] }[];
  }
  export = DefinedNames;
}

declare module "exceljs/lib/xlsx/xform/book/defined-name-xform" {
  class DefinedNameXform {
    model: { name: string; ranges: string[]; localSheetId?: number };
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
  }
  export = DefinedNameXform;
}
