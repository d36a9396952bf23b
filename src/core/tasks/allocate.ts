/**
 * Task allocation (SPEC §7): pre-assigned tasks are kept and counted first; every other
 * task, in priority order, goes to the qualified person whose load ratio
 * (assigned hours + effort) / capacity would be lowest. The rules and their measured
 * quality are in docs/ALLOCATION.md.
 */
import type { MessageParams } from "../errors";
import { normalizeWord } from "../vocabulary";
import { countWorkingDays } from "../workdays";
import { MinHeap } from "./heap";
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
  /** The candidate pools the person sits in, with their place in each pool's order of preference. */
  seats: { group: CapacityGroup; rank: number }[];
}

/** Why nobody can take the tasks of one need (department, skill, level). */
type Shortfall =
  { code: "no_people" | "no_department" | "no_skill" } | { code: "no_skill_level"; best: number };

function requiredLevel(task: TaskInput): number {
  // A blank skill_level asks for the skill at any level; levels start at 1.
  return task.skillLevel ?? 1;
}

/**
 * Filters by department (when the task names one), then by skill and level. The first
 * filter that leaves nobody gives the shortfall, so the message points at what to change.
 */
function findCandidates(task: TaskInput, desks: readonly Desk[]): Desk[] | Shortfall {
  if (desks.length === 0) return { code: "no_people" };
  let pool = [...desks];
  const department = textOrNull(task.department);
  if (department !== null) {
    const wanted = normalizeWord(department);
    pool = pool.filter((d) => d.department === wanted);
    if (pool.length === 0) return { code: "no_department" };
  }
  const skill = textOrNull(task.skill);
  if (skill === null) return pool;
  const key = normalizeWord(skill);
  const skilled = pool.filter((d) => d.skills.has(key));
  if (skilled.length === 0) return { code: "no_skill" };
  const level = requiredLevel(task);
  const qualified = skilled.filter((d) => (d.skills.get(key) ?? 0) >= level);
  if (qualified.length === 0) {
    const best = skilled.reduce((most, d) => Math.max(most, d.skills.get(key) ?? 0), -Infinity);
    return { code: "no_skill_level", best };
  }
  return qualified;
}

/** The reason a task stays unassigned, naming the task, department and skill as typed. */
function reasonOf(task: TaskInput, shortfall: Shortfall): UnassignedReason {
  const taskId = task.taskId;
  const department = textOrNull(task.department);
  // A skill shortfall comes only from a task naming a skill, a department one from a task naming a department.
  const skill = textOrNull(task.skill) ?? "";
  const where: MessageParams = department === null ? {} : { department };
  switch (shortfall.code) {
    case "no_people":
      return { code: "no_people", params: { taskId } };
    case "no_department":
      return { code: "no_department", params: { taskId, department: department ?? "" } };
    case "no_skill":
      return { code: "no_skill", params: { taskId, skill, ...where } };
    case "no_skill_level": {
      const level = requiredLevel(task);
      return {
        code: "no_skill_level",
        params: { taskId, skill, level, best: shortfall.best, ...where },
      };
    }
  }
}

/**
 * The candidates of one pool who share a capacity. For them the load ratio and whether the
 * effort still fits only grow with the hours held, so the least loaded are those holding
 * the fewest hours: the group keeps people in buckets by hours and the hours in a heap.
 * A bucket holds ranks (the pool's order of preference). Hours only grow, so an entry whose
 * person has taken more since is stale; it is dropped when met.
 */
class CapacityGroup {
  private readonly buckets = new Map<number, MinHeap>();
  private readonly held = new MinHeap();

  constructor(
    readonly capacity: number,
    private readonly byRank: readonly Desk[],
  ) {}

  add(rank: number, hours: number): void {
    let bucket = this.buckets.get(hours);
    if (bucket === undefined) {
      bucket = new MinHeap();
      this.buckets.set(hours, bucket);
      this.held.push(hours);
    }
    bucket.push(rank);
  }

  /** The fewest hours someone in the group holds (stale entries dropped on the way). */
  fewestHours(): number | undefined {
    for (;;) {
      const hours = this.held.peek();
      if (hours === undefined) return undefined;
      const bucket = this.buckets.get(hours) as MinHeap;
      while (bucket.size > 0 && this.byRank[bucket.peek() as number].hours !== hours) bucket.pop();
      if (bucket.size > 0) return hours;
      this.buckets.delete(hours);
      this.held.pop();
    }
  }

  /**
   * The best rank among the people whose hours pass `keep`, visiting the hours held from
   * the fewest up while `keep` holds (it must only turn false as hours grow).
   */
  bestRankWhile(keep: (hours: number) => boolean): number {
    const visited: number[] = [];
    let best = Infinity;
    for (;;) {
      const hours = this.fewestHours();
      if (hours === undefined || !keep(hours)) break;
      const rank = (this.buckets.get(hours) as MinHeap).peek() as number;
      if (rank < best) best = rank;
      visited.push(hours);
      this.held.pop();
    }
    for (const hours of visited) this.held.push(hours);
    return best;
  }
}

/**
 * Everyone allowed to take the tasks of one need, ready for the choice. The rank is the
 * order of preference among equally loaded people: higher level of the required skill,
 * then employee_id, then the order the people were given in.
 */
class CandidatePool {
  private readonly byRank: Desk[];
  private readonly groups: CapacityGroup[];

  constructor(candidates: readonly Desk[], skillKey: string | null) {
    const level = (d: Desk): number => (skillKey === null ? 0 : (d.skills.get(skillKey) ?? 0));
    const ordered = candidates.map((desk, index) => ({ desk, index, level: level(desk) }));
    ordered.sort(
      (a, b) =>
        b.level - a.level ||
        compareIds(a.desk.person.employeeId, b.desk.person.employeeId) ||
        a.index - b.index,
    );
    this.byRank = ordered.map((o) => o.desk);
    const groups = new Map<number, CapacityGroup>();
    this.byRank.forEach((desk, rank) => {
      let group = groups.get(desk.capacity);
      if (group === undefined) {
        group = new CapacityGroup(desk.capacity, this.byRank);
        groups.set(desk.capacity, group);
      }
      group.add(rank, desk.hours);
      desk.seats.push({ group, rank });
    });
    this.groups = [...groups.values()];
  }

  /**
   * Among candidates with room ((hours + effort) ≤ capacity), else among all candidates,
   * the lowest resulting load ratio; ties (within HOURS_TOLERANCE): the best rank.
   * Per capacity group the lowest ratio is at the fewest hours, and the people with room
   * or tied are those with the fewest hours up to some point, so only those are visited.
   */
  choose(effort: number): { desk: Desk; overCapacity: boolean } {
    const hasRoom = (hours: number, capacity: number): boolean =>
      hours + effort <= capacity + HOURS_TOLERANCE;
    let anyRoom = false;
    let lowest = Infinity;
    let lowestWithRoom = Infinity;
    for (const group of this.groups) {
      const hours = group.fewestHours();
      if (hours === undefined) continue;
      const ratio = loadRatio(hours + effort, group.capacity);
      if (ratio < lowest) lowest = ratio;
      if (hasRoom(hours, group.capacity)) {
        anyRoom = true;
        if (ratio < lowestWithRoom) lowestWithRoom = ratio;
      }
    }
    const least = anyRoom ? lowestWithRoom : lowest;
    let best = Infinity;
    for (const group of this.groups) {
      const rank = group.bestRankWhile((hours) => {
        if (anyRoom && !hasRoom(hours, group.capacity)) return false;
        const ratio = loadRatio(hours + effort, group.capacity);
        return ratio === least || ratio - least <= HOURS_TOLERANCE;
      });
      if (rank < best) best = rank;
    }
    return { desk: this.byRank[best], overCapacity: !anyRoom };
  }
}

function take(desk: Desk, task: TaskInput): boolean {
  const overCapacity = desk.hours + task.effortHours > desk.capacity + HOURS_TOLERANCE;
  const before = desk.hours;
  desk.hours += task.effortHours;
  desk.tasks += 1;
  // Every pool the person sits in files them under their new hours.
  if (desk.hours !== before) for (const seat of desk.seats) seat.group.add(seat.rank, desk.hours);
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
      seats: [],
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
  const allocation = (task: TaskInput, rest: Omit<TaskAllocation, "taskId" | "quadrant">): TaskAllocation => {
    // Written out rather than spread: this runs once per task.
    const made: TaskAllocation = {
      taskId: task.taskId,
      quadrant: taskQuadrant(task, resolved),
      assignee: rest.assignee,
      preAssigned: rest.preAssigned,
      overCapacity: rest.overCapacity,
    };
    if (rest.reason !== undefined) made.reason = rest.reason;
    return made;
  };

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
  const pools = new Map<string, CandidatePool | Shortfall>();
  const poolFor = (task: TaskInput): CandidatePool | Shortfall => {
    const department = textOrNull(task.department);
    const skill = textOrNull(task.skill);
    const skillKey = skill === null ? null : normalizeWord(skill);
    const need = [
      department === null ? "\u0001" : normalizeWord(department),
      skillKey ?? "\u0001",
      skill === null ? 0 : requiredLevel(task),
    ].join("\u0000");
    let pool = pools.get(need);
    if (pool === undefined) {
      const found = findCandidates(task, desks);
      pool = Array.isArray(found) ? new CandidatePool(found, skillKey) : found;
      pools.set(need, pool);
    }
    return pool;
  };

  for (const task of ordered) {
    if (allocations.has(task)) continue;
    const pool = poolFor(task);
    if (!(pool instanceof CandidatePool)) {
      allocations.set(
        task,
        allocation(task, {
          assignee: null,
          preAssigned: false,
          overCapacity: false,
          reason: reasonOf(task, pool),
        }),
      );
      continue;
    }
    const { desk, overCapacity } = pool.choose(task.effortHours);
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
