/** SPEC §7: task priority, allocation, schedule and workload. */
export { quadrant, type Quadrant } from "./quadrant";
export { compareIds, normalizeId } from "./ids";
export { DEFAULT_SKILL_LEVEL, parseSkills } from "./skills";
export { PLAN_DEFAULTS, resolvePlanSettings } from "./settings";
export { compareTaskPriority, orderTasks, taskQuadrant } from "./order";
export { allocateTasks, loadRatio, personCapacity, projectLeads } from "./allocate";
export { ceilTolerant, scheduleTasks, workingDaysNeeded } from "./schedule";
export { workloadBalance, workloadSummary } from "./workload";
export { planTasks } from "./plan";
export type * from "./types";
