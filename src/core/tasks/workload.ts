/**
 * Workload (SPEC §7): each person's load = allocated hours / capacity, and how even the
 * loads are across the team.
 */
import { loadRatio } from "./allocate";
import type { Quadrant } from "./quadrant";
import type { PersonHours, PersonLoad, WorkloadBalance, WorkloadSummary } from "./types";

/**
 * Balance over the people who have a capacity (a capacity of 0 has no meaningful load):
 * max/min load, null when the least-loaded person has nothing (the ratio is infinite);
 * coefficient of variation = population standard deviation / mean, null when the mean is 0.
 *
 * @example workloadBalance([0.5, 1]) // { maxLoad: 1, minLoad: 0.5, maxMinRatio: 2, coefficientOfVariation: 1/3 }
 */
export function workloadBalance(loads: readonly number[]): WorkloadBalance {
  if (loads.length === 0)
    return { maxLoad: null, minLoad: null, maxMinRatio: null, coefficientOfVariation: null };
  // Folded, not spread: spreading a very large team into Math.max overflows the call stack.
  const maxLoad = loads.reduce((max, l) => Math.max(max, l), -Infinity);
  const minLoad = loads.reduce((min, l) => Math.min(min, l), Infinity);
  const mean = loads.reduce((sum, l) => sum + l, 0) / loads.length;
  const variance = loads.reduce((sum, l) => sum + (l - mean) ** 2, 0) / loads.length;
  return {
    maxLoad,
    minLoad,
    maxMinRatio: minLoad > 0 ? maxLoad / minLoad : null,
    coefficientOfVariation: mean > 0 ? Math.sqrt(variance) / mean : null,
  };
}

/** Loads per person, their balance, and how many tasks fall in each Eisenhower quadrant. */
export function workloadSummary(
  people: readonly PersonHours[],
  tasks: readonly { quadrant: Quadrant }[],
): WorkloadSummary {
  const loads: PersonLoad[] = people.map((p) => ({
    ...p,
    load: p.capacity > 0 ? loadRatio(p.hours, p.capacity) : null,
  }));
  const quadrants: Record<Quadrant, number> = { Q1: 0, Q2: 0, Q3: 0, Q4: 0 };
  for (const task of tasks) quadrants[task.quadrant] += 1;
  const measured = loads.flatMap((p) => (p.load === null ? [] : [p.load]));
  return { people: loads, balance: workloadBalance(measured), quadrants };
}
