import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  addWorkingDays,
  countWorkingDays,
  dayNumber,
  isIsoDate,
  isoDate,
  isWorkingDay,
  nextDay,
  workingDayOnOrAfter,
} from "../../../src/core/workdays";

// Calendar anchors used below: 2025-03-01 is a Saturday, 2025-03-03 a Monday.

/** Independent reference: walk day by day with the JS Date weekday. */
function walkCount(start: string, end: string): number {
  let count = 0;
  for (let t = Date.parse(start); t <= Date.parse(end); t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

const anyDate = fc.integer({ min: -800, max: 30_000 }).map(isoDate);

describe("ISO dates", () => {
  it("reads and writes day numbers", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(isoDate(dayNumber("2024-02-29"))).toBe("2024-02-29");
    expect(nextDay("2025-02-28")).toBe("2025-03-01");
    expect(nextDay("2024-12-31")).toBe("2025-01-01");
  });

  it("rejects text that is not an existing YYYY-MM-DD date", () => {
    for (const bad of ["2025-02-30", "2023-02-29", "2025-2-3", "", "2025/03/03", "2025-03-03T00:00"]) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => dayNumber(bad)).toThrow(expect.objectContaining({ code: "bad_date" }));
    }
  });
});

describe("isWorkingDay and workingDayOnOrAfter", () => {
  it("treats Monday to Friday as working days", () => {
    expect(isWorkingDay("2025-03-03")).toBe(true); // Monday
    expect(isWorkingDay("2025-03-07")).toBe(true); // Friday
    expect(isWorkingDay("2025-03-08")).toBe(false); // Saturday
    expect(isWorkingDay("2025-03-09")).toBe(false); // Sunday
  });

  it("moves a weekend day to the Monday after and keeps a working day", () => {
    expect(workingDayOnOrAfter("2025-03-08")).toBe("2025-03-10");
    expect(workingDayOnOrAfter("2025-03-09")).toBe("2025-03-10");
    expect(workingDayOnOrAfter("2025-03-05")).toBe("2025-03-05");
    expect(workingDayOnOrAfter("2024-12-28")).toBe("2024-12-30"); // across a year end
  });
});

describe("countWorkingDays", () => {
  it("counts both ends", () => {
    expect(countWorkingDays("2025-03-03", "2025-03-09")).toBe(5); // Mon..Sun
    expect(countWorkingDays("2025-03-03", "2025-03-03")).toBe(1);
    expect(countWorkingDays("2025-03-08", "2025-03-09")).toBe(0); // a weekend
    // March 2025: 3-7, 10-14, 17-21, 24-28 and Monday 31 = 21.
    expect(countWorkingDays("2025-03-01", "2025-03-31")).toBe(21);
    expect(countWorkingDays("2024-12-30", "2025-01-03")).toBe(5);
  });

  it("is 0 for a reversed period", () => {
    expect(countWorkingDays("2025-03-10", "2025-03-03")).toBe(0);
  });

  it("agrees with a day-by-day count", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 60 }), (start, length) => {
        const end = isoDate(dayNumber(start) + length);
        expect(countWorkingDays(start, end)).toBe(walkCount(start, end));
      }),
    );
  });
});

describe("addWorkingDays", () => {
  it("works like Excel's WORKDAY without holidays", () => {
    expect(addWorkingDays("2025-03-07", 1)).toBe("2025-03-10"); // Fri + 1 = Mon
    expect(addWorkingDays("2025-03-08", 1)).toBe("2025-03-10"); // Sat + 1 = Mon
    expect(addWorkingDays("2025-03-09", 0)).toBe("2025-03-09"); // 0 leaves even a Sunday
    expect(addWorkingDays("2025-03-03", 4)).toBe("2025-03-07"); // Mon + 4 = Fri
    expect(addWorkingDays("2025-03-03", 5)).toBe("2025-03-10"); // Mon + 5 = next Mon
    // Wed 5th + 7: Thu 6, Fri 7, Mon 10, Tue 11, Wed 12, Thu 13, Fri 14.
    expect(addWorkingDays("2025-03-05", 7)).toBe("2025-03-14");
    expect(addWorkingDays("2025-03-03", -1)).toBe("2025-02-28"); // Mon − 1 = Fri
    expect(addWorkingDays("2025-03-08", -1)).toBe("2025-03-07"); // Sat − 1 = Fri
  });

  it("rejects a fractional number of days", () => {
    expect(() => addWorkingDays("2025-03-03", 1.5)).toThrow(
      expect.objectContaining({ code: "bad_working_days" }),
    );
  });

  it("lands n working days later: the period start..result holds n + 1 working days", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 300 }), (date, n) => {
        const start = workingDayOnOrAfter(date);
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(countWorkingDays(start, end)).toBe(n + 1);
        expect(addWorkingDays(end, -n)).toBe(start);
      }),
    );
  });
});
