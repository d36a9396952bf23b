/**
 * The domain model: what the input sheets of SPEC §2 mean once they are read and checked.
 *
 * Conventions (the same everywhere in the model):
 * - Percents are fractions: a weight typed `40%`, `0.4` or `40` is 0.4 here.
 * - Dates are ISO text `YYYY-MM-DD` (calendar dates, no time, no time zone), so they sort
 *   as text, compare with `<`, and go into JSON unchanged.
 * - Optional cells left blank are `undefined`; defaults of SPEC §2 are already applied
 *   (direction `higher`, fte 1, …).
 * - Every row carries `source`, the sheet (as named in the workbook) and 1-based Excel row it
 *   came from, so later stages can point their errors at cells.
 */
import type { Aggregation, Direction, Relationship } from "./vocabulary";

/** Where a row came from: the sheet's name as the workbook spells it and its Excel row (1-based). */
export interface SourceRef {
  sheet: string;
  row: number;
}

export type GradeMode = "threshold" | "forced";
export type ForcedGroup = "department" | "all";
export type MissingActualPolicy = "error" | "zero" | "exclude";
export type DataSource = "business" | "finance" | "customer";
export type TaskSource = "strategy" | "kpi" | "adhoc" | "cross-dept";
export type SurveyPeriod = "before" | "after";

/** One row of the `grades` setting: the lowest final score that earns `grade`. */
export interface GradeBand {
  grade: string;
  min: number;
}

/** The Settings sheet, typed, with SPEC §2 defaults applied. */
export interface Settings {
  cycle: string;
  periodStart?: string;
  periodEnd?: string;
  /** Blank in the sheet = the day the workbook is read. */
  asOf: string;
  stageGoalsDue?: string;
  stageDataDue?: string;
  stageReviewDue?: string;
  stageFeedbackDue?: string;
  /** Fractions; the final score normalises them, so they need not total 1. */
  kpiWeight: number;
  feedbackWeight: number;
  thresholdScore: number;
  maxScore: number;
  ratingScale: number;
  minRaters: number;
  /** Fraction per rater group (a relationship missing from the setting weighs 0). */
  groupWeights: Record<Relationship, number>;
  gradeMode: GradeMode;
  /** Best grade first (highest minimum first). */
  grades: GradeBand[];
  /** Fraction of people per grade (forced mode); the fractions total 1. */
  quotas: Record<string, number>;
  forcedGroup: ForcedGroup;
  forcedMin: number;
  /** Bonus coefficient per grade. */
  coefficients: Record<string, number>;
  /** Undefined = no pool. */
  bonusPool?: number;
  rounding: number;
  missingActual: MissingActualPolicy;
  importantMin: number;
  urgentMin: number;
  /** Fraction: 0.15 for 15 %. */
  buffer: number;
  dailyHours: number;
  currency: string;
  reviewLimit: number;
}

export interface StrategyGoal {
  id: string;
  goal: string;
  owner?: string;
  source: SourceRef;
}

export interface Kpi {
  id: string;
  name: string;
  goalId?: string;
  unit?: string;
  direction: Direction;
  /**
   * As typed; when the cell is blank: `sum` if any Decomposition row of the KPI gives a
   * share, else `average` (a KPI cascaded without shares can only mean everyone carries
   * the full target).
   */
  aggregation: Aggregation;
  baseline?: number;
  threshold?: number;
  target: number;
  stretch?: number;
  dataSource?: DataSource;
  source: SourceRef;
}

export interface Position {
  id: string;
  title: string;
  department: string;
  responsibilities?: string;
  source: SourceRef;
}

export interface Employee {
  id: string;
  name: string;
  positionId: string;
  managerId?: string;
  bonusBase?: number;
  /** Default 1; always > 0. */
  fte: number;
  /** Per cycle; undefined = derive from daily_hours × fte × working days (SPEC §7). */
  capacityHours?: number;
  /** Level 1–5 by skill name as typed; a skill listed without a level is level 3 (core/tasks/skills.ts). */
  skills: Record<string, number>;
  prevScore?: number;
  source: SourceRef;
}

export interface DecompositionRow {
  kpiId: string;
  positionId: string;
  /** Fraction of the department target this position carries (sum KPIs). */
  share?: number;
  /** Fraction of the position's scorecard. */
  weight: number;
  source: SourceRef;
}

export interface Task {
  id: string;
  name: string;
  taskSource?: TaskSource;
  kpiId?: string;
  importance: number;
  urgency: number;
  effortHours: number;
  skill?: string;
  skillLevel?: number;
  department?: string;
  due?: string;
  earliestStart?: string;
  project?: string;
  assignee?: string;
  status?: string;
  /** Fraction 0..1. */
  progress?: number;
  source: SourceRef;
}

/** A measured value. Rows whose `actual` cell is blank are not in the model (= missing). */
export interface Actual {
  employeeId: string;
  kpiId: string;
  actual: number;
  dataSource?: DataSource;
  note?: string;
  source: SourceRef;
}

export interface FeedbackRating {
  rateeId: string;
  /** An employee id, except for customers, who may be outside the company. */
  raterId: string;
  relationship: Relationship;
  /** 1..rating_scale. */
  score: number;
  competency?: string;
  comment?: string;
  source: SourceRef;
}

export interface SurveyAnswer {
  question: string;
  /** 1–5. */
  score: number;
  period?: SurveyPeriod;
  department?: string;
  source: SourceRef;
}

export interface EfficiencyRow {
  employeeId: string;
  metric: string;
  before: number;
  after: number;
  source: SourceRef;
}

export interface Model {
  settings: Settings;
  goals: StrategyGoal[];
  kpis: Kpi[];
  positions: Position[];
  employees: Employee[];
  decomposition: DecompositionRow[];
  tasks: Task[];
  actuals: Actual[];
  feedback: FeedbackRating[];
  survey: SurveyAnswer[];
  efficiency: EfficiencyRow[];
}

/**
 * A problem found by a core rule, before it has a cell and a message: `code` keys the
 * message catalogue (core/messages.ts), `params` fill it in. `at` + `column` (a column key
 * of workbook/schema.ts) locate it; the workbook layer turns them into `Sheet!A1`.
 */
export interface ModelIssue {
  code: string;
  params: Record<string, string | number>;
  severity: "error" | "warning";
  at?: SourceRef;
  column?: string;
}
