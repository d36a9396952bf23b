import { describe, expect, it } from "vitest";
import {
  parseDate,
  parseEnum,
  parseId,
  parseInteger,
  parseNumber,
  parsePercent,
  parseText,
  serialToIso,
  textToNumber,
} from "../../src/workbook/cells";
import { DIRECTIONS, RELATIONSHIPS } from "../../src/core/vocabulary";

const value = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : "FAILED");
const code = (p: { ok: boolean; code?: string }) => (p.ok ? "ok" : p.code);

describe("parseNumber: numbers as HR types them", () => {
  it.each([
    [85, 85],
    ["85", 85],
    [" 0.85 ", 0.85],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["１２３", 123], // full-width digits
    ["１，２３４．５", 1234.5], // full-width comma and point
    ["¥1,200", 1200],
    ["￥1,200", 1200], // full-width yen
    ["$5.5", 5.5],
    ["1200元", 1200],
    ["-¥1,200", -1200],
    ["(1,200)", -1200], // accountant's negative
    ["85%", 0.85], // Excel stores 85% as 0.85
    ["８５％", 0.85],
    ["1e3", 1000],
  ])("%j reads as %j", (typed, expected) => {
    expect(value(parseNumber(typed))).toBeCloseTo(expected, 12);
  });

  it("blank cells are blank, not zero", () => {
    expect(parseNumber(null)).toEqual({ ok: true, value: undefined });
    expect(parseNumber("   ")).toEqual({ ok: true, value: undefined });
  });

  it.each([["abc"], ["1,2"], ["12,34.5"], ["1.2.3"], ["--5"], ["¥"]])("%j is not a number", (typed) => {
    expect(parseNumber(typed)).toEqual({ ok: false, code: "cell_not_number", params: { value: typed } });
  });

  it("Excel error values are located errors that name the error", () => {
    expect(parseNumber({ error: "#DIV/0!" })).toEqual({
      ok: false,
      code: "cell_excel_error",
      params: { value: "#DIV/0!" },
    });
  });

  it("a date or a boolean where a number belongs is an error; booleans only on request", () => {
    expect(code(parseNumber(new Date(Date.UTC(2024, 0, 5))))).toBe("cell_not_number");
    expect(code(parseNumber(true))).toBe("cell_not_number");
    expect(value(parseNumber(true, { booleans: true }))).toBe(1);
    expect(value(parseNumber(false, { booleans: true }))).toBe(0);
  });

  it("textToNumber tells whether a percent sign was typed", () => {
    expect(textToNumber("40%")).toEqual({ value: 0.4, percent: true });
    expect(textToNumber("40")).toEqual({ value: 40, percent: false });
  });
});

describe("parsePercent: 0.4, 40% and 40 all mean 40 %", () => {
  it.each([
    [0.4, 0.4],
    ["40%", 0.4],
    [40, 0.4],
    ["40", 0.4],
    ["４０％", 0.4],
    [1, 1], // 1 is not above 1: 100 %
    [100, 1],
    ["150%", 1.5], // typed with its sign: no second division
    [0, 0],
  ])("%j is %j", (typed, expected) => {
    expect(value(parsePercent(typed))).toBeCloseTo(expected, 12);
  });

  it("text that is no percent is an error", () => {
    expect(code(parsePercent("forty"))).toBe("cell_not_percent");
    expect(code(parsePercent({ error: "#REF!" }))).toBe("cell_excel_error");
  });
});

describe("parseInteger", () => {
  it("accepts whole numbers in any typed form", () => {
    expect(value(parseInteger(3))).toBe(3);
    expect(value(parseInteger("３"))).toBe(3);
    expect(value(parseInteger("4.0"))).toBe(4);
  });
  it("refuses fractions", () => {
    expect(parseInteger(2.5)).toEqual({ ok: false, code: "cell_not_integer", params: { value: "2.5" } });
  });
});

describe("parseDate: serials, Dates and ISO text to YYYY-MM-DD", () => {
  it.each([
    // 45292 days after 1899-12-30 is 2024-01-01 (Excel's 1900 system).
    [45292, "2024-01-01"],
    [45292.75, "2024-01-01"], // a time of day is dropped
    [61, "1900-03-01"], // just after Excel's fictitious 1900-02-29 (serial 60)
    [1, "1900-01-01"],
    [new Date(Date.UTC(2025, 5, 30)), "2025-06-30"],
    ["2025-06-30", "2025-06-30"],
    ["2025/6/3", "2025-06-03"],
    ["2025.6.3", "2025-06-03"],
    ["2025年6月3日", "2025-06-03"],
    ["２０２５－０６－３０", "2025-06-30"],
    ["45292", "2024-01-01"],
  ])("%j is %s", (typed, iso) => {
    expect(value(parseDate(typed))).toBe(iso);
  });

  it.each([["2025-02-30"], ["next week"], ["31/12/2025"], [-3], [true]])("%j is not a date", (typed) => {
    expect(code(parseDate(typed))).toBe("cell_not_date");
  });

  it("serialToIso refuses serials outside Excel's calendar", () => {
    expect(serialToIso(0)).toBeUndefined();
    expect(serialToIso(2958466)).toBeUndefined();
    expect(serialToIso(2958465)).toBe("9999-12-31");
  });
});

describe("parseId and parseText", () => {
  it("ids are trimmed, width-folded text; numbers read as their text", () => {
    expect(value(parseId(" E001 "))).toBe("E001");
    expect(value(parseId("Ｅ００１"))).toBe("E001");
    expect(value(parseId(1001))).toBe("1001");
    expect(code(parseId(true))).toBe("cell_not_id");
    expect(code(parseId({ error: "#N/A" }))).toBe("cell_excel_error");
  });
  it("text keeps its spelling and reads dates as ISO", () => {
    expect(value(parseText("  Grow revenue "))).toBe("Grow revenue");
    expect(value(parseText(new Date(Date.UTC(2025, 0, 2))))).toBe("2025-01-02");
    expect(value(parseText(12))).toBe("12");
  });
});

describe("parseEnum", () => {
  it("reads English and Chinese words", () => {
    expect(value(parseEnum("Higher", DIRECTIONS))).toBe("higher");
    expect(value(parseEnum("反向", DIRECTIONS))).toBe("lower");
    expect(value(parseEnum("上级", RELATIONSHIPS))).toBe("manager");
  });
  it("names the allowed values when a word is unknown", () => {
    expect(parseEnum("sideways", DIRECTIONS)).toEqual({
      ok: false,
      code: "cell_unknown_value",
      params: { value: "sideways", allowed: "higher, lower, binary" },
    });
  });
});
