/** Reviewing whether the incentives worked (SPEC §1 stage 6) and KPI completion (§9). */
export * from "./stats";
export * from "./survey";
export * from "./efficiency";
export * from "./correlation";
export * from "./completion";
export * from "./findings";
