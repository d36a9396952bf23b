/** Eisenhower quadrant of a task (SPEC §7). */
export type Quadrant = "Q1" | "Q2" | "Q3" | "Q4";

/**
 * Q1 important and urgent ("Do first"), Q2 important only ("Schedule"),
 * Q3 urgent only ("Delegate"), Q4 neither ("Later").
 *
 * @example quadrant(5, 2) // "Q2" with the default minimums of 4
 */
export function quadrant(importance: number, urgency: number, importantMin = 4, urgentMin = 4): Quadrant {
  const important = importance >= importantMin;
  const urgent = urgency >= urgentMin;
  if (important) return urgent ? "Q1" : "Q2";
  return urgent ? "Q3" : "Q4";
}
