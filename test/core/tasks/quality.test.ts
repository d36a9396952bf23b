/**
 * How good is the greedy allocation? On many small random teams we compare its largest
 * load ratio (hours / capacity) with the best achievable one, found by trying every
 * assignment that respects the same candidate rules (department, skill, level), with no
 * pre-assignments and over-capacity allowed. Figures are written down in docs/ALLOCATION.md.
 */
import { describe, it, expect } from "vitest";
import { allocateTasks } from "../../../src/core/tasks/allocate";
import type { PersonInput, TaskInput } from "../../../src/core/tasks/types";
import { seededRandom as seeded } from "../../../src/core/random";

// 21 working days: Mon 2025-03-03 to Mon 2025-03-31.
const settings = { periodStart: "2025-03-03", periodEnd: "2025-03-31" };
const WORKING_DAYS = 21;
/**
 * Measured (docs/ALLOCATION.md): this seed's 2000 instances give worst 2.06 and mean 1.068; 50,000
 * instances over five other seeds gave worst 2.46 and means 1.067–1.068. The bounds sit just above.
 */
const WORST_BOUND = 2.5;
const MEAN_BOUND = 1.08;

interface Instance {
  people: (PersonInput & { skills: Record<string, number> })[];
  tasks: TaskInput[];
}

const SKILLS = ["A", "B", "C"];
const DEPARTMENTS = ["Ops", "Sales"];

function randomInstance(random: () => number, plain: boolean): Instance {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const peopleCount = int(1, 4);
  const people = Array.from({ length: peopleCount }, (_, i) => {
    const skills: Record<string, number> = {};
    if (!plain) for (const skill of SKILLS) if (random() < 0.6) skills[skill] = int(1, 5);
    return {
      employeeId: `E${i + 1}`,
      department: plain ? "Ops" : pick(DEPARTMENTS),
      fte: plain ? 1 : pick([0.5, 0.8, 1]),
      capacityHours: plain ? 40 : random() < 0.3 ? null : int(5, 20) * 4,
      skills,
    };
  });
  const tasks = Array.from({ length: int(1, 8) }, (_, i) => ({
    taskId: `T${i + 1}`,
    importance: int(1, 5),
    urgency: int(1, 5),
    effortHours: int(1, 40),
    skill: !plain && random() < 0.5 ? pick(SKILLS) : null,
    skillLevel: random() < 0.5 ? int(1, 4) : null,
    department: !plain && random() < 0.25 ? pick(DEPARTMENTS) : null,
  }));
  return { people, tasks };
}

/** The candidate rules of SPEC §7, written out again independently of the engine. */
function qualifies(task: TaskInput, person: Instance["people"][number]): boolean {
  if (task.department != null && task.department !== person.department) return false;
  if (task.skill == null) return true;
  const level = person.skills[task.skill];
  return level !== undefined && level >= (task.skillLevel ?? 1);
}

function capacityOf(person: Instance["people"][number]): number {
  return person.capacityHours ?? 8 * (person.fte ?? 1) * WORKING_DAYS;
}

/** Smallest possible largest load ratio, by depth-first search with a bound. */
function optimalMaxLoad(instance: Instance): number {
  const capacities = instance.people.map(capacityOf);
  const tasks = instance.tasks
    .map((task) => ({
      effort: task.effortHours,
      who: instance.people.flatMap((p, i) => (qualifies(task, p) ? [i] : [])),
    }))
    .filter((t) => t.who.length > 0)
    .sort((a, b) => b.effort - a.effort); // big tasks first: the bound prunes sooner
  const hours = capacities.map(() => 0);
  let best = Infinity;
  const search = (next: number, worst: number): void => {
    if (worst >= best) return;
    if (next === tasks.length) {
      best = worst;
      return;
    }
    for (const i of tasks[next].who) {
      hours[i] += tasks[next].effort;
      search(next + 1, Math.max(worst, hours[i] / capacities[i]));
      hours[i] -= tasks[next].effort;
    }
  };
  search(0, 0);
  return best;
}

function greedyMaxLoad(instance: Instance): number {
  const result = allocateTasks(instance.tasks, instance.people, settings);
  // The greedy leaves unassigned exactly the tasks nobody qualifies for.
  for (const allocation of result.tasks) {
    const task = instance.tasks.find((t) => t.taskId === allocation.taskId) as TaskInput;
    const person = instance.people.find((p) => p.employeeId === allocation.assignee);
    if (person === undefined) expect(instance.people.some((p) => qualifies(task, p))).toBe(false);
    else expect(qualifies(task, person)).toBe(true);
  }
  return Math.max(0, ...result.people.map((p) => p.hours / p.capacity));
}

function measure(seed: number, count: number, plain: boolean) {
  const random = seeded(seed);
  const ratios: number[] = [];
  for (let n = 0; n < count; n++) {
    const instance = randomInstance(random, plain);
    const optimal = optimalMaxLoad(instance);
    if (optimal === Infinity || optimal === 0) continue; // nothing assignable
    const greedy = greedyMaxLoad(instance);
    const ratio = greedy / optimal;
    ratios.push(ratio);
  }
  const worst = Math.max(...ratios);
  const mean = ratios.reduce((s, r) => s + r, 0) / ratios.length;
  const optimalShare = ratios.filter((r) => r <= 1 + 1e-9).length / ratios.length;
  return { ratios, worst, mean, optimalShare };
}

describe("greedy allocation against the optimum", () => {
  it("is never better than the optimum and stays within the measured bound", () => {
    const { ratios, worst, mean, optimalShare } = measure(20250303, 2000, false);
    console.log(
      `allocation quality, ${ratios.length} random instances (≤ 8 tasks × 4 people, skills, levels, departments):` +
        ` greedy/optimal largest load — worst ${worst.toFixed(4)}, mean ${mean.toFixed(4)},` +
        ` optimal in ${(optimalShare * 100).toFixed(1)}%`,
    );
    expect(ratios.length).toBeGreaterThan(1500);
    for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(worst).toBeLessThanOrEqual(WORST_BOUND);
    expect(mean).toBeLessThanOrEqual(MEAN_BOUND);
  });

  it("keeps Graham's list-scheduling bound 2 − 1/m for equal capacities and no skills", () => {
    // With equal capacities and everyone qualified, the rule "lowest (hours + effort) / capacity" is
    // exactly Graham's list scheduling, whose largest load is at most (2 − 1/m) × the optimum.
    const random = seeded(7);
    let worst = 0;
    for (let n = 0; n < 1000; n++) {
      const instance = randomInstance(random, true);
      const ratio = greedyMaxLoad(instance) / optimalMaxLoad(instance);
      const m = instance.people.length;
      expect(ratio).toBeLessThanOrEqual(2 - 1 / m + 1e-9);
      worst = Math.max(worst, ratio);
    }
    console.log(
      `equal capacities, no skills: worst greedy/optimal ${worst.toFixed(4)} (Graham: ≤ 1.75 for 4 people)`,
    );
  });
});
