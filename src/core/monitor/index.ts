/** Monitoring the cycle: stage deadlines, per-employee progress, department roll-up. */
export * from "./stages";
export * from "./progress";
export * from "./rollup";
