/**
 * The shapes the task engine reads and returns (SPEC §7). They are structural and
 * minimal on purpose: a Tasks row or an Employees row of the domain model can be passed
 * as is, or mapped field by field.
 */
import type { MessageParams } from "../errors";
import type { Quadrant } from "./quadrant";

/** One row of the Tasks sheet, as far as prioritising, allocating and scheduling need it. */
export interface TaskInput {
  taskId: string;
  name?: string | null;
  /** 1–5. */
  importance: number;
  /** 1–5. */
  urgency: number;
  effortHours: number;
  /** Required skill; blank = anyone can do it. */
  skill?: string | null;
  /** Minimum level of `skill`; blank = the skill at any level. */
  skillLevel?: number | null;
  /** Only people of this department may take it; blank = any department. */
  department?: string | null;
  /** ISO date. */
  due?: string | null;
  /** ISO date. */
  earliestStart?: string | null;
  project?: string | null;
  /** Pre-assigned employee id: kept as is. */
  assignee?: string | null;
}

/** Skill name → level 1–5. */
export type SkillLevels = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** One employee, as far as allocation and scheduling need them. */
export interface PersonInput {
  employeeId: string;
  department: string;
  /** Full-time equivalent; blank = 1. */
  fte?: number | null;
  /** Hours available in the period; blank = daily_hours × fte × working days in the period. */
  capacityHours?: number | null;
  /** Parsed levels, or the Employees sheet's text such as `运营:3, 数据分析:2`. */
  skills?: SkillLevels | string | null;
}

/** The Settings that drive SPEC §7. Dates are ISO; `buffer` is a fraction (0.15 = 15%). */
export interface PlanSettings {
  periodStart: string;
  periodEnd: string;
  importantMin?: number;
  urgentMin?: number;
  buffer?: number;
  dailyHours?: number;
}

/** PlanSettings with every default filled in. */
export type ResolvedPlanSettings = Required<PlanSettings>;

/** Why a task has no assignee. Codes are stable ids for the message catalogue. */
export type UnassignedCode =
  "unknown_assignee" | "no_people" | "no_department" | "no_skill" | "no_skill_level";

export interface UnassignedReason {
  code: UnassignedCode;
  params: MessageParams;
}

/** The allocation of one task, in priority order. */
export interface TaskAllocation {
  taskId: string;
  /** The chosen person's employeeId as written in PersonInput, or null when unassigned. */
  assignee: string | null;
  quadrant: Quadrant;
  /** The Tasks sheet named an assignee (kept when known; an unknown one leaves the task unassigned). */
  preAssigned: boolean;
  /** Taking the task brought the assignee's hours above their capacity. */
  overCapacity: boolean;
  reason?: UnassignedReason;
}

/** Hours allocated to one person against their capacity. */
export interface PersonHours {
  employeeId: string;
  hours: number;
  capacity: number;
  tasks: number;
}

/** A project's lead: the member with the most hours in it (ties: employee_id); null if nobody is assigned. */
export interface ProjectLead {
  project: string;
  lead: string | null;
  hours: number;
}

export interface AllocationResult {
  tasks: TaskAllocation[];
  /** In employee_id order. */
  people: PersonHours[];
  /** In project name order. */
  projects: ProjectLead[];
}

/** What scheduling needs of a task once it has an assignee (or none). */
export interface ScheduleInput {
  taskId: string;
  effortHours: number;
  due?: string | null;
  earliestStart?: string | null;
  assignee: string | null;
}

/** Dates of one task; all null for an unassigned task. */
export interface ScheduledTask {
  taskId: string;
  assignee: string | null;
  /** Working days including the buffer. */
  days: number | null;
  start: string | null;
  end: string | null;
  /** The end falls after the due date (false without a due date or without dates). */
  atRisk: boolean;
}

export interface PersonLoad extends PersonHours {
  /** hours / capacity; null when the capacity is 0. */
  load: number | null;
}

export interface WorkloadBalance {
  /** Over people with a capacity above 0; null when there are none. */
  maxLoad: number | null;
  minLoad: number | null;
  /** maxLoad / minLoad; null when someone has no load at all (the ratio would be infinite). */
  maxMinRatio: number | null;
  /** Population standard deviation of the loads / their mean; null when the mean is 0. */
  coefficientOfVariation: number | null;
}

export interface WorkloadSummary {
  people: PersonLoad[];
  balance: WorkloadBalance;
  quadrants: Record<Quadrant, number>;
}

/** One task with everything the Plan sheet shows, in priority order. */
export interface PlannedTask extends TaskAllocation, Omit<ScheduledTask, "taskId" | "assignee"> {
  name: string | null;
  project: string | null;
  due: string | null;
  effortHours: number;
}

export interface TaskPlan {
  settings: ResolvedPlanSettings;
  tasks: PlannedTask[];
  workload: WorkloadSummary;
  projects: ProjectLead[];
}
