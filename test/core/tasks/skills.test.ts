import { describe, it, expect } from "vitest";
import { parseSkills } from "../../../src/core/tasks/skills";

describe("parseSkills", () => {
  it("reads the SPEC example", () => {
    expect(parseSkills("运营:3, 数据分析:2")).toEqual({ 运营: 3, 数据分析: 2 });
  });

  it("gives level 3 to a skill listed without a level", () => {
    expect(parseSkills("运营, 数据分析:5")).toEqual({ 运营: 3, 数据分析: 5 });
  });

  it("accepts Chinese and ASCII separators, full-width colons and digits", () => {
    expect(parseSkills("运营，数据分析：4、SQL;Excel：５；PPT")).toEqual({
      运营: 3,
      数据分析: 4,
      SQL: 3,
      Excel: 5,
      PPT: 3,
    });
  });

  it("trims names, skips empty items and keeps the higher level of a repeated skill", () => {
    expect(parseSkills("  data analysis : 2 ,, SQL:2, SQL:4,")).toEqual({ "data analysis": 2, SQL: 4 });
    expect(parseSkills("")).toEqual({});
    expect(parseSkills(" , ")).toEqual({});
  });

  it("rejects levels outside the whole numbers 1–5 and items without a name", () => {
    for (const bad of ["运营:6", "运营:0", "运营:2.5", "运营:x"]) {
      expect(() => parseSkills(bad)).toThrow(expect.objectContaining({ code: "bad_skill_level" }));
    }
    expect(() => parseSkills(":3")).toThrow(expect.objectContaining({ code: "bad_skill" }));
  });
});
