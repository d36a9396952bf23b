/**
 * The number of syncs does not grow with the number of employees, rows or sheets; only
 * data volume adds requests, one per `maxRequestBytes`, and every request stays under 5 MB.
 */
import { describe, expect, it } from "vitest";
import { renderPlanInExcel } from "../../../src/hosts/office/render";
import { DEFAULT_REQUEST_BYTES } from "../../../src/hosts/office/requests";
import type { SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";
import { FakeExcel, REQUEST_LIMIT_BYTES } from "../../support/fake-excel";
import { scorecardPlan, useFakeExcel } from "./plans";

let fake: FakeExcel;
const excel = useFakeExcel((f) => (fake = f));

const render = (plan: WorkbookPlan, maxRequestBytes?: number) =>
  renderPlanInExcel(fake.context as unknown as Excel.RequestContext, plan, {
    formulas: "perf",
    maxRequestBytes,
  });

/** Bytes of all write requests (every request but the first, which only reads). */
const writeBytes = () => fake.requests.slice(1).reduce((sum, r) => sum + r.bytes, 0);

describe("sync count", () => {
  it("is the same for 100 and 10,000 employees: one read, one write", async () => {
    const small = await render(scorecardPlan(100));
    const smallRequests = [...fake.requests];
    excel.replace();
    const large = await render(scorecardPlan(10_000));
    console.info(
      `Office render sync counts: 100 employees ${small.syncs} syncs (requests ${smallRequests.map((r) => r.bytes).join(", ")} bytes); ` +
        `10,000 employees ${large.syncs} syncs (requests ${fake.requests.map((r) => r.bytes).join(", ")} bytes)`,
    );
    expect(small.syncs).toBe(2);
    expect(large.syncs).toBe(2);
    // 10,000 rows × 12 cells fit one request: the three formula columns go as one R1C1 formula
    // each, the repeated target, weight and due date as one value each, the number formats as
    // one per column; what is sent per row is its own data (id, name, department, position,
    // actual, bonus), the columns wholly filled left out of the arrays: about 68 bytes a row,
    // 0.68 MB (2.6 MB when every cell went in the arrays).
    expect(fake.largestRequestBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(fake.largestRequestBytes).toBeGreaterThan(600_000);
    expect(fake.largestRequestBytes).toBeLessThan(800_000);
    // The count of writes does not follow the rows: the same operations for both sizes, but for
    // a fill that pays for itself only on a long column (at most one per column of the block).
    const ops = (requests: { operations: number }[]) => requests.reduce((sum, r) => sum + r.operations, 0);
    expect(ops(fake.requests) - ops(smallRequests)).toBeGreaterThanOrEqual(0);
    expect(ops(fake.requests) - ops(smallRequests)).toBeLessThanOrEqual(12);
  });

  it("is the same for 1 and 40 sheets", async () => {
    const sheet = (n: number): SheetPlan => ({
      name: `Review-E${n}`,
      kind: `review:E${n}`,
      generated: true,
      blocks: [
        {
          at: "A1",
          rows: [
            ["Employee", `E${n}`],
            ["Score", { formula: "90", result: 90 }],
          ],
          columnStyles: ["label"],
        },
      ],
      protect: {},
    });
    const one = await render({ lang: "en-US", sheets: [sheet(1)] });
    excel.replace();
    const forty = await render({ lang: "en-US", sheets: Array.from({ length: 40 }, (_, i) => sheet(i + 1)) });
    expect([one.syncs, forty.syncs]).toEqual([2, 2]);
    // Regenerating all forty adds the one read of what to remove from them.
    expect(
      (await render({ lang: "en-US", sheets: Array.from({ length: 40 }, (_, i) => sheet(i + 1)) })).syncs,
    ).toBe(3);
  });

  it("grows only with data volume when a request would exceed the budget", async () => {
    // A 300 kB budget instead of 4.5 MB: the 10,000-row block (about 0.68 MB of distinct values)
    // is split into row chunks that fill each request, so the writes take
    // ceil(0.68 MB / 0.3 MB) = 3 requests, after the one read: 4 syncs.
    const budget = 300_000;
    const { syncs } = await render(scorecardPlan(10_000), budget);
    const total = writeBytes();
    console.info(`Office render with a ${budget}-byte budget: ${syncs} syncs for ${total} bytes of writes`);
    expect(total).toBeGreaterThan(600_000);
    expect(total).toBeLessThan(800_000);
    expect(syncs).toBe(1 + Math.ceil(total / budget));
    expect(fake.requests.slice(1).every((r) => r.bytes <= budget)).toBe(true);
    // Every row arrived, in order, across the chunks.
    expect(fake.cell("Scorecard", "A2")?.value).toBe("E00001");
    expect(fake.cell("Scorecard", "L10001")?.value).toBe(20_000);
    expect(fake.cell("Scorecard", "I10001")?.formula).toBe("=PERF.SCORE(F10001,E10001)");
    expect(fake.cell("Scorecard", "K5000")?.formula).toBe("=PERF.GRADE(J5000)");
    expect(fake.cell("Scorecard", "E7777")?.value).toBe(100);
    expect(fake.cell("Scorecard", "H10001")?.numberFormat).toBe("yyyy-mm-dd");
    expect(fake.sheet("Scorecard").cells.size).toBe(10_001 * 12);
  });

  it("reports progress up to the whole", async () => {
    const seen: [number, number][] = [];
    await renderPlanInExcel(fake.context as unknown as Excel.RequestContext, scorecardPlan(2_000), {
      formulas: "native",
      maxRequestBytes: 200_000,
      onProgress: (done, all) => seen.push([done, all]),
    });
    expect(seen.length).toBe(fake.syncs - 1);
    expect(seen.every(([done, all], i) => done <= all && (i === 0 || done > seen[i - 1][0]))).toBe(true);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
  });

  it("keeps the default budget under Excel's 5 MB limit", () => {
    expect(DEFAULT_REQUEST_BYTES).toBeLessThan(REQUEST_LIMIT_BYTES);
  });
});
