/**
 * allocateTasks keeps candidates in heaps by hours instead of scanning everyone for each
 * task. This checks it against the rule written as a plain scan (SPEC §7: lowest load
 * ratio among those with room, else among all; ties within 1e-9 by higher skill level,
 * then employee_id) on many random teams, with capacities that differ, capacities of 0,
 * efforts of 0 and decimal efforts whose sums are not exact in floating point.
 */
import { describe, expect, it } from "vitest";
import { allocateTasks, loadRatio, personCapacity } from "../../../src/core/tasks/allocate";
import { compareIds, idMatchKey, textOrNull } from "../../../src/core/tasks/ids";
import { orderTasks } from "../../../src/core/tasks/order";
import { resolvePlanSettings } from "../../../src/core/tasks/settings";
import { skillIndex } from "../../../src/core/tasks/skills";
import type { PersonInput, TaskInput } from "../../../src/core/tasks/types";
import { normalizeWord } from "../../../src/core/vocabulary";
import { seededRandom as seeded } from "../../../src/core/random";

const settings = resolvePlanSettings({ periodStart: "2025-03-03", periodEnd: "2025-03-31" });
const TOLERANCE = 1e-9;

/** The choice of a person as a scan over everyone, for each task in priority order. */
function referenceAssignees(tasks: TaskInput[], people: PersonInput[]): (string | null)[] {
  const desks = people.map((person) => ({
    person,
    department: normalizeWord(person.department),
    skills: skillIndex(person.skills),
    capacity: personCapacity(person, settings),
    hours: 0,
  }));
  const ordered = orderTasks(tasks, settings);
  const assignees = new Map<TaskInput, string | null>();
  for (const task of ordered) {
    const named = textOrNull(task.assignee);
    if (named === null) continue;
    const desk = desks.find((d) => idMatchKey(d.person.employeeId) === idMatchKey(named));
    if (desk) desk.hours += task.effortHours;
    assignees.set(task, desk ? desk.person.employeeId : null);
  }
  for (const task of ordered) {
    if (assignees.has(task)) continue;
    const department = textOrNull(task.department);
    const skill = textOrNull(task.skill);
    const key = skill === null ? null : normalizeWord(skill);
    const level = (d: (typeof desks)[number]) => (key === null ? 0 : (d.skills.get(key) ?? 0));
    const candidates = desks.filter(
      (d) =>
        (department === null || d.department === normalizeWord(department)) &&
        (key === null || (d.skills.has(key) && level(d) >= (task.skillLevel ?? 1))),
    );
    if (candidates.length === 0) {
      assignees.set(task, null);
      continue;
    }
    const effort = task.effortHours;
    const ratio = (d: (typeof desks)[number]) => loadRatio(d.hours + effort, d.capacity);
    const withRoom = candidates.filter((d) => d.hours + effort <= d.capacity + TOLERANCE);
    const eligible = withRoom.length > 0 ? withRoom : candidates;
    const least = Math.min(...eligible.map(ratio));
    const tied = eligible.filter((d) => ratio(d) === least || ratio(d) - least <= TOLERANCE);
    const chosen = tied.reduce((best, d) =>
      level(d) > level(best) ||
      (level(d) === level(best) && compareIds(d.person.employeeId, best.person.employeeId) < 0)
        ? d
        : best,
    );
    chosen.hours += effort;
    assignees.set(task, chosen.person.employeeId);
  }
  return ordered.map((task) => assignees.get(task) ?? null);
}

function randomTeam(random: () => number): { tasks: TaskInput[]; people: PersonInput[] } {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const people: PersonInput[] = Array.from({ length: int(1, 14) }, (_, i) => ({
    // Ids out of order and of different widths, so employee_id order is not the input order.
    employeeId: `E${pick(["", "0", "00"])}${int(1, 40)}-${i}`,
    department: pick(["Ops", "ops", "Sales"]),
    fte: pick([1, 0.5, 0.8]),
    capacityHours: pick([null, null, 0, 20, 40, 40.5]),
    skills: { SQL: int(1, 5), Excel: int(1, 5) },
  }));
  const tasks: TaskInput[] = Array.from({ length: int(1, 60) }, (_, i) => ({
    taskId: `T${i}`,
    importance: int(1, 5),
    urgency: int(1, 5),
    effortHours: pick([0, 0.1, 0.2, 0.3, 1, 4, 8, 8, 16]),
    skill: pick([null, "SQL", "excel"]),
    skillLevel: pick([null, 1, 3]),
    department: pick([null, null, "OPS", "Sales"]),
    assignee: random() < 0.1 ? pick(people).employeeId : null,
  }));
  return { tasks, people };
}

describe("allocateTasks against a plain scan over everyone", () => {
  it("chooses the same person for every task of 400 random teams", () => {
    const random = seeded(20251103);
    for (let n = 0; n < 400; n++) {
      const { tasks, people } = randomTeam(random);
      const result = allocateTasks(tasks, people, settings);
      expect(result.tasks.map((t) => t.assignee)).toEqual(referenceAssignees(tasks, people));
    }
  });
});
