/**
 * Task allocation (SPEC §7): pre-assigned tasks are kept and counted first; every other
 * task, in priority order, goes to the qualified person whose load ratio
 * (assigned hours + effort) / capacity would be lowest. The rules and their measured
 * quality are in docs/ALLOCATION.md.
 */
import type { MessageParams } from "../errors";
import { normalizeWord } from "../vocabulary";
import { countWorkingDays } from "../workdays";
import { compareIds, idMatchKey, textOrNull } from "./ids";
import { orderTasks, taskQuadrant } from "./order";
import { checkPerson, checkTask, fteOf, resolvePlanSettings } from "./settings";
import { skillIndex } from "./skills";
import type {
  AllocationResult,
  PersonHours,
  PersonInput,
  PlanSettings,
  ProjectLead,
  ResolvedPlanSettings,
  TaskAllocation,
  TaskInput,
  UnassignedReason,
} from "./types";

/** Hours and ratios closer than this are equal: sums of typed decimals (0.1 + 0.2) must not break ties. */
export const HOURS_TOLERANCE = 1e-9;

/**
 * Hours a person can take in the period: capacity_hours when given, else
 * daily_hours × fte × working days from period_start to period_end.
 *
 * @example personCapacity({ employeeId: "E1", department: "Ops", fte: 0.5 }, settings)
 * // 8 × 0.5 × 22 = 88 for a period of 22 working days
 */
export function personCapacity(
  person: PersonInput,
  settings: Pick<ResolvedPlanSettings, "dailyHours" | "periodStart" | "periodEnd">,
): number {
  if (person.capacityHours != null) return person.capacityHours;
  return settings.dailyHours * fteOf(person) * countWorkingDays(settings.periodStart, settings.periodEnd);
}

/**
 * hours / capacity; a person without capacity is infinitely loaded by any hour.
 *
 * @example loadRatio(30, 120) // 0.25
 */
export function loadRatio(hours: number, capacity: number): number {
  if (capacity > 0) return hours / capacity;
  return hours > HOURS_TOLERANCE ? Infinity : 0;
}

/** A person during allocation: what they can do and what they hold so far. */
interface Desk {
  person: PersonInput;
  department: string;
  skills: Map<string, number>;
  capacity: number;
  hours: number;
  tasks: number;
}

/** The people allowed to take a task, or why there is nobody. */
type Candidates = { desks: Desk[]; reason?: undefined } | { desks: []; reason: UnassignedReason };

function requiredLevel(task: TaskInput): number {
  // A blank skill_level asks for the skill at any level; levels start at 1.
  return task.skillLevel ?? 1;
}

/**
 * Filters by department (when the task names one), then by skill and level. The first
 * filter that leaves nobody gives the reason, so the message points at what to change.
 */
function findCandidates(task: TaskInput, desks: readonly Desk[]): Candidates {
  const taskId = task.taskId;
  if (desks.length === 0) return { desks: [], reason: { code: "no_people", params: { taskId } } };
  let pool = [...desks];
  const department = textOrNull(task.department);
  if (department !== null) {
    const wanted = normalizeWord(department);
    pool = pool.filter((d) => d.department === wanted);
    if (pool.length === 0) {
      return { desks: [], reason: { code: "no_department", params: { taskId, department } } };
    }
  }
  const skill = textOrNull(task.skill);
  if (skill === null) return { desks: pool };
  const key = normalizeWord(skill);
  const skilled = pool.filter((d) => d.skills.has(key));
  const where: MessageParams = department === null ? {} : { department };
  if (skilled.length === 0) {
    return { desks: [], reason: { code: "no_skill", params: { taskId, skill, ...where } } };
  }
  const level = requiredLevel(task);
  const qualified = skilled.filter((d) => (d.skills.get(key) ?? 0) >= level);
  if (qualified.length === 0) {
    const best = Math.max(...skilled.map((d) => d.skills.get(key) ?? 0));
    return {
      desks: [],
      reason: { code: "no_skill_level", params: { taskId, skill, level, best, ...where } },
    };
  }
  return { desks: qualified };
}

/**
 * Among candidates with room ((hours + effort) ≤ capacity), else among all candidates,
 * the lowest resulting load ratio; ties: higher level of the required skill, then employee_id.
 * Two passes without intermediate arrays: allocation runs once per task over every candidate.
 */
function chooseDesk(task: TaskInput, candidates: readonly Desk[]): { desk: Desk; overCapacity: boolean } {
  const effort = task.effortHours;
  const hasRoom = (d: Desk): boolean => d.hours + effort <= d.capacity + HOURS_TOLERANCE;
  let anyRoom = false;
  let lowest = Infinity;
  let lowestWithRoom = Infinity;
  for (const d of candidates) {
    const ratio = loadRatio(d.hours + effort, d.capacity);
    if (ratio < lowest) lowest = ratio;
    if (hasRoom(d)) {
      anyRoom = true;
      if (ratio < lowestWithRoom) lowestWithRoom = ratio;
    }
  }
  const least = anyRoom ? lowestWithRoom : lowest;
  const skill = textOrNull(task.skill);
  const skillKey = skill === null ? null : normalizeWord(skill);
  const level = (d: Desk): number => (skillKey === null ? 0 : (d.skills.get(skillKey) ?? 0));
  let best: Desk | undefined;
  for (const d of candidates) {
    if (anyRoom && !hasRoom(d)) continue;
    const ratio = loadRatio(d.hours + effort, d.capacity);
    if (!(ratio === least || ratio - least <= HOURS_TOLERANCE)) continue;
    // The first of the tied in (level desc, employee_id) order; earlier candidates win exact ties.
    if (
      best === undefined ||
      level(d) - level(best) > 0 ||
      (level(d) === level(best) && compareIds(d.person.employeeId, best.person.employeeId) < 0)
    )
      best = d;
  }
  return { desk: best as Desk, overCapacity: !anyRoom };
}

function take(desk: Desk, task: TaskInput): boolean {
  const overCapacity = desk.hours + task.effortHours > desk.capacity + HOURS_TOLERANCE;
  desk.hours += task.effortHours;
  desk.tasks += 1;
  return overCapacity;
}

function openDesks(people: readonly PersonInput[], settings: ResolvedPlanSettings): Desk[] {
  return people.map((person) => {
    checkPerson(person);
    return {
      person,
      department: normalizeWord(person.department ?? ""),
      skills: skillIndex(person.skills),
      capacity: personCapacity(person, settings),
      hours: 0,
      tasks: 0,
    };
  });
}

/**
 * Allocates every task. The result lists tasks in priority order, people in
 * employee_id order and projects in name order.
 *
 * @example
 * // E1 (capacity 40) and E2 (capacity 80), no skill asked, two 20-hour tasks:
 * // T1 → E2 (20/80 = 0.25 beats 20/40 = 0.5);
 * // T2 → E1 (20/40 = 0.5 ties 40/80 = 0.5; no skill level to compare; E1 comes first by id).
 */
export function allocateTasks(
  tasks: readonly TaskInput[],
  people: readonly PersonInput[],
  settings: PlanSettings,
): AllocationResult {
  const resolved = resolvePlanSettings(settings);
  tasks.forEach(checkTask);
  const ordered = orderTasks(tasks, resolved);
  const desks = openDesks(people, resolved);
  const byId = new Map<string, Desk>();
  for (const desk of desks) {
    const key = idMatchKey(desk.person.employeeId);
    if (!byId.has(key)) byId.set(key, desk);
  }

  const allocations = new Map<TaskInput, TaskAllocation>();
  const allocation = (
    task: TaskInput,
    rest: Omit<TaskAllocation, "taskId" | "quadrant">,
  ): TaskAllocation => ({
    taskId: task.taskId,
    quadrant: taskQuadrant(task, resolved),
    ...rest,
  });

  // Pre-assigned first, so that their hours are on the desks before anyone else is chosen.
  for (const task of ordered) {
    const named = textOrNull(task.assignee);
    if (named === null) continue;
    const desk = byId.get(idMatchKey(named));
    allocations.set(
      task,
      desk === undefined
        ? allocation(task, {
            assignee: null,
            preAssigned: true,
            overCapacity: false,
            reason: { code: "unknown_assignee", params: { taskId: task.taskId, assignee: named } },
          })
        : allocation(task, {
            assignee: desk.person.employeeId,
            preAssigned: true,
            overCapacity: take(desk, task),
          }),
    );
  }

  // Tasks asking for the same department, skill and level share their candidates: filtering
  // every person once per task would make allocation quadratic in the size of the department.
  const candidatesByNeed = new Map<string, Candidates>();
  const candidatesFor = (task: TaskInput): Candidates => {
    const department = textOrNull(task.department);
    const skill = textOrNull(task.skill);
    const need = [
      department === null ? "\u0001" : normalizeWord(department),
      skill === null ? "\u0001" : normalizeWord(skill),
      skill === null ? 0 : requiredLevel(task),
    ].join("\u0000");
    const known = candidatesByNeed.get(need);
    if (known !== undefined && known.reason === undefined) return known;
    // A reason names the task, so it is worked out for each task that has one.
    const found = findCandidates(task, desks);
    candidatesByNeed.set(need, found);
    return found;
  };

  for (const task of ordered) {
    if (allocations.has(task)) continue;
    const candidates = candidatesFor(task);
    if (candidates.reason !== undefined) {
      allocations.set(
        task,
        allocation(task, {
          assignee: null,
          preAssigned: false,
          overCapacity: false,
          reason: candidates.reason,
        }),
      );
      continue;
    }
    const { desk, overCapacity } = chooseDesk(task, candidates.desks);
    take(desk, task);
    allocations.set(
      task,
      allocation(task, { assignee: desk.person.employeeId, preAssigned: false, overCapacity }),
    );
  }

  const result = ordered.map((task) => allocations.get(task) as TaskAllocation);
  const hours: PersonHours[] = desks
    .map((d) => ({ employeeId: d.person.employeeId, hours: d.hours, capacity: d.capacity, tasks: d.tasks }))
    .sort((a, b) => compareIds(a.employeeId, b.employeeId));
  return { tasks: result, people: hours, projects: projectLeads(ordered, result) };
}

/**
 * Per project, the member with the most hours in it (ties: employee_id). Project names
 * are compared as typed names (case-, space- and width-insensitive) and shown as first
 * written. `allocations[i]` belongs to `tasks[i]`. A project whose tasks are all
 * unassigned has no lead.
 *
 * @example
 * // P: T1 E2 10h, T2 E1 6h, T3 E1 4h → E1 and E2 both 10h → lead E1 (smaller id)
 */
export function projectLeads(
  tasks: readonly Pick<TaskInput, "taskId" | "project" | "effortHours">[],
  allocations: readonly Pick<TaskAllocation, "taskId" | "assignee">[],
): ProjectLead[] {
  const projects = new Map<string, { project: string; hours: Map<string, number> }>();
  tasks.forEach((task, i) => {
    const name = textOrNull(task.project);
    if (name === null) return;
    const key = normalizeWord(name);
    const entry = projects.get(key) ?? { project: name, hours: new Map<string, number>() };
    projects.set(key, entry);
    const assignee = allocations[i]?.assignee ?? null;
    if (assignee !== null) entry.hours.set(assignee, (entry.hours.get(assignee) ?? 0) + task.effortHours);
  });
  return [...projects.values()]
    .map(({ project, hours }) => {
      let lead: string | null = null;
      let most = 0;
      for (const [member, memberHours] of hours) {
        const more = lead === null || memberHours - most > HOURS_TOLERANCE;
        const tie = lead !== null && Math.abs(memberHours - most) <= HOURS_TOLERANCE;
        if (more || (tie && compareIds(member, lead as string) < 0)) {
          lead = member;
          most = memberHours;
        }
      }
      return { project, lead, hours: most };
    })
    .sort((a, b) => compareIds(a.project, b.project));
}
