/**
 * The Workload sheet (SPEC §7): hours against capacity per person with a live load ratio,
 * how even the loads are, the Eisenhower matrix of the tasks, the project leads, and a bar
 * chart of the loads. Formulas carry the engine's values as their cached results.
 */
import type { PersonLoad, PlannedTask, Quadrant, TaskPlan } from "../../core/tasks";
import { normalizeWord } from "../../core/vocabulary";
import type { BlockPlan, CellPlan, ChartPlan, FormulaValue, SheetPlan } from "../plan";
import type { StyleName } from "../styles";
import type { ReportContext } from "./context";
import {
  TITLE_ROWS,
  cellAt,
  columnRange,
  oneText,
  orBlank,
  quoted,
  rectRange,
  styled,
  titleBlock,
} from "./common";
import { PLAN, PLAN_FIRST_ROW, emptyTaskSheet } from "./plan-sheet";

const HEADER_ROW = TITLE_ROWS + 1;
const FIRST = HEADER_ROW + 1;

/** Column numbers (1-based) of the people table. */
export const WORKLOAD = {
  employeeId: 1,
  name: 2,
  department: 3,
  tasks: 4,
  hours: 5,
  capacity: 6,
  load: 7,
  overCapacity: 8,
} as const;

const LAST_COLUMN = WORKLOAD.overCapacity;
const CHART_MIN_ROWS = 14;
/** Hours within this of the capacity are not "over" (typed decimals such as 0.1 + 0.2). */
const HOURS_TOLERANCE = "1E-9";

const QUADRANT_STYLES: Record<Quadrant, StyleName> = { Q1: "bad", Q2: "good", Q3: "warn", Q4: "label" };

/** `IF(F5>0,E5/F5,"")`: hours / capacity, blank when there is no capacity (as the engine's null). */
function loadFormula(hoursCell: string, capacityCell: string, result: number | null): FormulaValue {
  return { formula: oneText`IF(${capacityCell}>0,${hoursCell}/${capacityCell},"")`, result: result ?? "" };
}

/** The first employee (model) and employee result of each id, as `find` over the lists would give. */
interface People {
  names: Map<string, string>;
  departments: Map<string, string>;
}

function firstById<T extends { id: string }, V>(items: readonly T[], value: (item: T) => V): Map<string, V> {
  const map = new Map<string, V>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, value(item));
  return map;
}

function personRow(
  ctx: ReportContext,
  people: People,
  person: PersonLoad,
  row: number,
  over: boolean,
): CellPlan[] {
  const name = people.names.get(person.employeeId);
  const department = people.departments.get(person.employeeId);
  const hours = cellAt(row, WORKLOAD.hours);
  const capacity = cellAt(row, WORKLOAD.capacity);
  return [
    person.employeeId,
    orBlank(name),
    orBlank(department),
    person.tasks,
    person.hours,
    person.capacity,
    loadFormula(hours, capacity, person.load),
    {
      formula: oneText`IF(${hours}>${capacity}+${HOURS_TOLERANCE},${quoted(ctx.t("yes"))},"")`,
      result: over ? ctx.t("yes") : "",
    },
  ];
}

/** Max, min, max/min and coefficient of variation of the load column, as formulas with the engine's values. */
function balanceRows(ctx: ReportContext, plan: TaskPlan, loads: string): CellPlan[][] {
  const { t } = ctx;
  const b = plan.workload.balance;
  const hint = (text: string) => styled(text, "subtitle");
  // Blank loads (capacity 0) are text, which MAX, MIN, AVERAGE and STDEVP skip, as the engine does.
  const guarded = (formula: string, result: number | null, style: StyleName): CellPlan =>
    styled({ formula: `IF(COUNT(${loads})=0,"",${formula})`, result: result ?? "" }, style);
  return [
    [styled(t("maxLoad"), "label"), guarded(`MAX(${loads})`, b.maxLoad, "percent1"), hint(t("maxLoadHint"))],
    [styled(t("minLoad"), "label"), guarded(`MIN(${loads})`, b.minLoad, "percent1"), hint(t("minLoadHint"))],
    [
      styled(t("maxMinRatio"), "label"),
      guarded(`IF(MIN(${loads})>0,MAX(${loads})/MIN(${loads}),"")`, b.maxMinRatio, "number"),
      hint(t("maxMinRatioHint")),
    ],
    [
      styled(t("loadCv"), "label"),
      guarded(
        `IF(AVERAGE(${loads})>0,STDEVP(${loads})/AVERAGE(${loads}),"")`,
        b.coefficientOfVariation,
        "percent1",
      ),
      hint(t("loadCvHint")),
    ],
  ];
}

/**
 * The 2×2 Eisenhower block: rows Important / Not important, columns Urgent / Not urgent; each
 * quadrant shows its label over a count of the Plan sheet's quadrant column.
 */
function matrixRows(ctx: ReportContext, plan: TaskPlan): CellPlan[][] {
  const { t } = ctx;
  const quadrants = ctx.sheet("plan");
  const column = columnRange(
    quadrants,
    PLAN.quadrant,
    PLAN_FIRST_ROW,
    PLAN_FIRST_ROW + plan.tasks.length - 1,
  );
  const label = (q: Quadrant) => styled(`${q} · ${t(q)}`, QUADRANT_STYLES[q]);
  const count = (q: Quadrant) =>
    styled(
      { formula: `COUNTIF(${column},${quoted(q)})`, result: plan.workload.quadrants[q] },
      QUADRANT_STYLES[q],
    );
  return [
    [null, t("urgent"), t("notUrgent")],
    [styled(t("important"), "header"), label("Q1"), label("Q2")],
    [null, count("Q1"), count("Q2")],
    [styled(t("notImportant"), "header"), label("Q3"), label("Q4")],
    [null, count("Q3"), count("Q4")],
  ];
}

/** Project, lead id and name, the lead's hours in it, and the project's tasks and total effort. */
function projectRows(ctx: ReportContext, plan: TaskPlan): CellPlan[][] {
  const names = new Map(ctx.model.employees.map((e) => [e.id, e.name]));
  // The tasks of each project (names compared as typed names), in plan order.
  const tasksOf = new Map<string, PlannedTask[]>();
  for (const task of plan.tasks) {
    if (task.project === null) continue;
    const key = normalizeWord(task.project);
    const list = tasksOf.get(key);
    if (list) list.push(task);
    else tasksOf.set(key, [task]);
  }
  return plan.projects.map((p) => {
    const tasks = tasksOf.get(normalizeWord(p.project)) ?? [];
    return [
      p.project,
      orBlank(p.lead),
      p.lead === null ? ctx.t("none") : (names.get(p.lead) ?? null),
      p.lead === null ? null : p.hours,
      tasks.length,
      tasks.reduce((sum, task) => sum + task.effortHours, 0),
    ];
  });
}

/** Where the right-hand panel (balance, matrix, project leads, chart) starts: after a spacer column. */
const PANEL_COLUMN = LAST_COLUMN + 2;
/** Label, value and text widths of the panel's columns. */
const PANEL_WIDTHS = [24, 14, 14, 14, 9, 11, 10];

export function workloadSheet(ctx: ReportContext): SheetPlan {
  const { t, model } = ctx;
  const title = `${t("workloadTitle")} — ${model.settings.cycle}`;
  const empty = emptyTaskSheet(ctx, "workload", title);
  if (empty !== null || ctx.tasks === null) return empty as SheetPlan;
  const plan = ctx.tasks;
  const name = ctx.sheet("workload");
  const people = plan.workload.people;
  const last = FIRST + Math.max(people.length, 1) - 1;
  const overPeople = new Set(
    plan.tasks.flatMap((task) => (task.overCapacity && task.assignee ? [task.assignee] : [])),
  );

  const header = [
    t("employeeId"),
    t("name"),
    t("department"),
    t("tasks"),
    t("hours"),
    t("capacity"),
    t("load"),
    t("overCapacity"),
  ];
  const columnStyles: StyleName[] = ["id", "text", "text", "integer", "number", "number", "percent1", "text"];
  const known: People = {
    names: firstById(model.employees, (e) => e.name),
    departments: firstById(ctx.result.employees, (e) => e.department),
  };
  const rows = people.map((p, i) => personRow(ctx, known, p, FIRST + i, overPeople.has(p.employeeId)));
  const totalRow = last + 1;
  const sum = (col: number, value: number): CellPlan => ({
    formula: `SUM(${rectRange(FIRST, col, last, col)})`,
    result: value,
  });
  const totalHours = people.reduce((s, p) => s + p.hours, 0);
  const totalCapacity = people.reduce((s, p) => s + p.capacity, 0);
  const totals: CellPlan[] = [
    styled(t("total"), "label"),
    null,
    null,
    sum(
      WORKLOAD.tasks,
      people.reduce((s, p) => s + p.tasks, 0),
    ),
    sum(WORKLOAD.hours, totalHours),
    sum(WORKLOAD.capacity, totalCapacity),
    loadFormula(
      cellAt(totalRow, WORKLOAD.hours),
      cellAt(totalRow, WORKLOAD.capacity),
      totalCapacity > 0 ? totalHours / totalCapacity : null,
    ),
    null,
  ];

  const loads = rectRange(FIRST, WORKLOAD.load, last, WORKLOAD.load);
  const blocks: BlockPlan[] = [
    titleBlock(
      title,
      `${t("period")} ${plan.settings.periodStart} – ${plan.settings.periodEnd} · ${t("generatedOn")} ${model.settings.asOf}`,
    ),
    { at: cellAt(HEADER_ROW, 1), rows: [header, ...rows], headerStyle: "header", columnStyles },
    // Totals sit under the table as plain formulas, in the table's number formats.
    { at: cellAt(totalRow, 1), rows: [totals], columnStyles },
  ];
  const merges: string[] = [];
  const panel = (row: number, offset = 0) => cellAt(row, PANEL_COLUMN + offset);

  // Balance: label, value and a short explanation (it runs on into the empty cells to its right).
  const balanceTop = HEADER_ROW;
  blocks.push({ at: panel(balanceTop), rows: [[styled(t("balance"), "heading")]] });
  const balance = balanceRows(ctx, plan, columnRange(null, WORKLOAD.load, FIRST, last));
  // A blank column between each value and its explanation keeps the right-aligned value apart from the text.
  blocks.push({
    at: panel(balanceTop + 1),
    rows: balance.map(([label, value, hint]) => [label, value, null, hint]),
  });

  // The Eisenhower matrix, row labels merged over each quadrant's label and count.
  const matrixTop = balanceTop + balance.length + 2;
  blocks.push({ at: panel(matrixTop), rows: [[styled(t("eisenhower"), "heading")]] });
  blocks.push({ at: panel(matrixTop + 1), rows: matrixRows(ctx, plan), headerStyle: "header" });
  merges.push(
    `${panel(matrixTop + 2)}:${panel(matrixTop + 3)}`,
    `${panel(matrixTop + 4)}:${panel(matrixTop + 5)}`,
  );
  let end = matrixTop + 5;

  const projects = projectRows(ctx, plan);
  if (projects.length > 0) {
    const top = end + 2;
    blocks.push({ at: panel(top), rows: [[styled(t("projectLeads"), "heading")]] });
    blocks.push({
      at: panel(top + 1),
      rows: [
        [t("project"), t("employeeId"), t("projectLead"), t("projectHours"), t("tasks"), t("effortHours")],
        ...projects,
      ],
      headerStyle: "header",
      columnStyles: ["text", "id", "text", "number", "integer", "number"],
    });
    end = top + 1 + projects.length;
  }

  const chartTop = end + 2;
  // About three rows for four bars keeps the names legible and a team of 40 on one landscape page.
  const chartBottom = chartTop + Math.max(CHART_MIN_ROWS, Math.ceil(people.length * 0.75) + 4);
  const chart: ChartPlan = {
    type: "bar",
    title: t("loadChart"),
    anchor: `${panel(chartTop)}:${panel(chartBottom, PANEL_WIDTHS.length - 1)}`,
    series: [
      {
        name: t("load"),
        categories: {
          ref: columnRange(name, WORKLOAD.name, FIRST, last),
          cache: people.map((p) => known.names.get(p.employeeId) ?? p.employeeId),
        },
        values: {
          ref: columnRange(name, WORKLOAD.load, FIRST, last),
          cache: people.map((p) => p.load ?? 0),
        },
        color: "5B87B5",
      },
    ],
    legend: false,
    dataLabels: true,
  };

  return {
    name,
    kind: "workload",
    generated: true,
    tabColor: "5B87B5",
    blocks,
    columns: [12, 14, 14, 8, 11, 11, 10, 11, 3, ...PANEL_WIDTHS].map((width) => ({ width })),
    rowHeights: { [HEADER_ROW]: 30 },
    merges,
    freeze: { rows: HEADER_ROW, cols: WORKLOAD.name },
    tables: people.length
      ? [
          {
            name: "PerfWorkload",
            ref: rectRange(HEADER_ROW, 1, last, LAST_COLUMN),
            style: "TableStyleLight9",
          },
        ]
      : [],
    conditionalFormats: people.length
      ? [
          {
            ref: loads,
            type: "cellIs",
            operator: "greaterThan",
            formulas: ["1"],
            fill: "FFC7CE",
            font: "9C0006",
          },
          {
            ref: loads,
            type: "dataBar",
            color: "5B87B5",
            min: 0,
            max: Math.max(1, plan.workload.balance.maxLoad ?? 0),
          },
        ]
      : [],
    charts: people.length ? [chart] : [],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      // No repeated title rows: the panel shares the header row, and a team fits a page or two.
      area: rectRange(1, 1, Math.max(totalRow, chartBottom), PANEL_COLUMN + PANEL_WIDTHS.length - 1),
    },
  };
}
