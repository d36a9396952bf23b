import { describe, it, expect } from "vitest";
import { awardHonours } from "../../src/core/honours";

describe("awardHonours", () => {
  const people = [
    { id: "E1", department: "Ops", grade: "S", finalScore: 93, prevScore: 90 },
    { id: "E2", department: "Ops", grade: "A", finalScore: 88, prevScore: 76 },
    { id: "E3", department: "Sales", grade: "S", finalScore: 91, prevScore: null },
    { id: "E4", department: "Sales", grade: "A", finalScore: 91, prevScore: 79 },
    { id: "E5", department: "Sales", grade: "C", finalScore: 62 },
  ];

  it("makes every S a star, the best of each department department best, ties sharing", () => {
    const honours = awardHonours(people);
    expect(honours.get("E1")).toEqual(["star", "department_best"]);
    // Sales: E3 and E4 tie at 91 → both department best
    expect(honours.get("E3")).toEqual(["star", "department_best"]);
    expect(honours.get("E5")).toEqual([]);
  });

  it("gives Most improved to the largest rise of at least 5 points, shared on a tie", () => {
    // rises: E1 +3, E2 +12, E4 +12 → E2 and E4 share it
    const honours = awardHonours(people);
    expect(honours.get("E2")).toEqual(["most_improved"]);
    expect(honours.get("E4")).toEqual(["department_best", "most_improved"]);
  });

  it("gives no Most improved below 5 points, and counts 85.3 − 80.3 as exactly 5", () => {
    const small = [{ id: "X", department: "D", grade: "B", finalScore: 74.99, prevScore: 70 }];
    expect(awardHonours(small).get("X")).toEqual(["department_best"]);
    // 85.3 − 80.3 = 4.999999999999986 in floating point
    const five = [{ id: "Y", department: "D", grade: "B", finalScore: 85.3, prevScore: 80.3 }];
    expect(awardHonours(five).get("Y")).toEqual(["department_best", "most_improved"]);
  });

  it("uses the best grade given", () => {
    expect(awardHonours([{ id: "Z", department: "D", grade: "A+", finalScore: 99 }], "A+").get("Z")).toEqual([
      "star",
      "department_best",
    ]);
  });
});
