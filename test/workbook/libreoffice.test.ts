/**
 * A workbook saved by LibreOffice (as HR may do) reads to the same model as the one exceljs
 * wrote: dates, percents, rich text, tables and Chinese names survive the round trip.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/file/read-xlsx";
import { loadModel } from "../../src/workbook/load";
import { convertWithLibreOffice, libreOfficeOrSkip } from "../support/libreoffice";
import { baseFixture, Layout, writeFixture } from "./fixtures";
import type { Lang } from "../../src/workbook/schema";

const CASES: [Lang, Layout][] = [
  ["en-US", {}],
  ["zh-CN", { tables: true, titleRows: 1 }],
];

describe.skipIf(!libreOfficeOrSkip())("workbooks saved by LibreOffice", () => {
  it.each(CASES)("read the same as written (%s, %j)", async (lang, layout) => {
    const dir = mkdtempSync(join(tmpdir(), "perfsheet-lo-read-"));
    const original = join(dir, "cycle.xlsx");
    const fx = baseFixture();
    // A defect too, so the located problems are compared as well as the model.
    fx.sheets.tasks![1].urgency = 7;
    writeFileSync(original, await writeFixture(fx, lang, layout));
    const saved = await convertWithLibreOffice(original, "xlsx", join(dir, "saved"));

    const before = loadModel(await readXlsx(original), { today: "2025-07-01" });
    const after = loadModel(await readXlsx(saved), { today: "2025-07-01" });
    expect(after.lang).toBe(lang);
    expect(after.problems).toEqual(before.problems);
    expect(before.problems.map((p) => p.code)).toEqual(["value_out_of_range"]);

    fx.sheets.tasks![1].urgency = 2;
    writeFileSync(original, await writeFixture(fx, lang, layout));
    const fixed = await convertWithLibreOffice(original, "xlsx", join(dir, "fixed"));
    const good = loadModel(await readXlsx(original), { today: "2025-07-01" });
    const goodAfter = loadModel(await readXlsx(fixed), { today: "2025-07-01" });
    expect(good.problems).toEqual([]);
    expect(goodAfter.problems).toEqual([]);
    expect(goodAfter.model).toEqual(good.model);
  });
});
