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
    ordered.map((task, i) => ({ ...task, assignee: allocation.tasks[i].assignee })),
    people,
    resolved,
  );
  const planned: PlannedTask[] = ordered.map((task, i) => {
    const { days, start, end, atRisk } = schedule[i];
    return {
      ...allocation.tasks[i],
      name: textOrNull(task.name),
      project: textOrNull(task.project),
      due: textOrNull(task.due),
      effortHours: task.effortHours,
      days,
      start,
      end,
      atRisk,
    };
  });
  return {
    settings: resolved,
    tasks: planned,
    workload: workloadSummary(allocation.people, allocation.tasks),
    projects: allocation.projects,
  };
}
