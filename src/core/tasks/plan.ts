/**
 * The whole of SPEC §7 in one deterministic call: order, allocate, schedule, workload.
 */
import { allocateTasks } from "./allocate";
import { textOrNull } from "./ids";
import { orderTasks } from "./order";
import { scheduleTasks } from "./schedule";
import { resolvePlanSettings } from "./settings";
import type { PersonInput, PlanSettings, PlannedTask, TaskInput, TaskPlan } from "./types";
import { workloadSummary } from "./workload";

/**
 * Plans the tasks: every task once, in priority order, with its quadrant, assignee (or
 * the reason it has none), over-capacity flag, working days, start, end and at-risk
 * flag; the workload per person with its balance; the lead of each project.
 */
export function planTasks(
  tasks: readonly TaskInput[],
  people: readonly PersonInput[],
  settings: PlanSettings,
): TaskPlan {
  const resolved = resolvePlanSettings(settings);
  const allocation = allocateTasks(tasks, people, resolved);
  // allocateTasks lists tasks in this same order.
  const ordered = orderTasks(tasks, resolved);
  const schedule = scheduleTasks(
    ordered.map((task, i) => ({
      taskId: task.taskId,
      effortHours: task.effortHours,
      due: task.due,
      earliestStart: task.earliestStart,
      assignee: allocation.tasks[i].assignee,
    })),
    people,
    resolved,
  );
  const planned: PlannedTask[] = ordered.map((task, i) => {
    const allocated = allocation.tasks[i];
    const { days, start, end, atRisk } = schedule[i];
    // The allocation's fields, then the task's and the schedule's (written out: spreading
    // the allocation once per task was a large part of planning a big cycle).
    const made = {
      taskId: allocated.taskId,
      quadrant: allocated.quadrant,
      assignee: allocated.assignee,
      preAssigned: allocated.preAssigned,
      overCapacity: allocated.overCapacity,
    } as PlannedTask;
    if (allocated.reason !== undefined) made.reason = allocated.reason;
    made.name = textOrNull(task.name);
    made.project = textOrNull(task.project);
    made.due = textOrNull(task.due);
    made.effortHours = task.effortHours;
    made.days = days;
    made.start = start;
    made.end = end;
    made.atRisk = atRisk;
    return made;
  });
  return {
    settings: resolved,
    tasks: planned,
    workload: workloadSummary(allocation.people, allocation.tasks),
    projects: allocation.projects,
  };
}
