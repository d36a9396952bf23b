"use strict";
/**
 * A synthetic operations department of N employees for the benchmark: 8 KPIs each, 6 raters
 * each, 3 tasks each, spread over ten teams. Deterministic (seeded), consistent (every id
 * resolves, shares and weights total 100%), so the input validates and the run is the same
 * every time.
 *
 * The input workbook is written with exceljs's streaming writer: the template (templatePlan)
 * gives the sheet names, headers and Settings layout, the rows are streamed under them. A
 * 50k-person input (≈1.2 M rows) would not fit the non-streaming writer comfortably.
 */
const path = require("path");
const ExcelJS = require("exceljs");

const BUILD = path.join(__dirname, "..", "build", "node");
const { templatePlan } = require(path.join(BUILD, "workbook", "template"));
const { INPUT_SHEETS } = require(path.join(BUILD, "workbook", "schema"));
const { seededRandom } = require(path.join(BUILD, "core", "random"));
const { cellParts, isDate, isFormula } = require(path.join(BUILD, "workbook", "plan"));

const TEAMS = 10;
const TEAM_SKILLS = [
  "Community",
  "Copywriting",
  "Data analysis",
  "Event planning",
  "SQL",
  "Customer service",
];
const PERIOD_START = "2026-07-01";
const PERIOD_END = "2026-12-31";

/** Eight department KPIs; every position carries all eight (weights total 100%). */
const KPIS = [
  { id: "K1", goal: "G1", dir: "higher", agg: "sum", h: 90000, T: 100000, s: 120000, w: 0.15, dec: 0 },
  { id: "K2", goal: "G1", dir: "higher", agg: "average", h: 38, T: 42, s: 46, w: 0.15, dec: 1 },
  { id: "K3", goal: "G2", dir: "lower", agg: "average", h: 1.0, T: 0.8, s: 0.6, w: 0.15, dec: 2 },
  { id: "K4", goal: "G2", dir: "lower", agg: "average", h: 30, T: 20, s: 12, w: 0.15, dec: 1 },
  { id: "K5", goal: "G3", dir: "higher", agg: "sum", h: 9000, T: 10000, s: 12000, w: 0.1, dec: 1 },
  { id: "K6", goal: "G3", dir: "higher", agg: "sum", h: 18000, T: 20000, s: 24000, w: 0.1, dec: 1 },
  { id: "K7", goal: "G4", dir: "binary", agg: "average", T: 1, w: 0.1, dec: 0 },
  { id: "K8", goal: "G4", dir: "higher", agg: "average", h: 85, T: 90, s: 95, w: 0.1, dec: 1, ceiling: 100 },
];

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const iso = (day) => new Date(Date.UTC(2026, 6, 1) + day * 86400000).toISOString().slice(0, 10);
const pad = (n, width) => String(n).padStart(width, "0");

/**
 * The department's data (SampleData shape: settings by key, rows by sheet key).
 * Teams: a lead (position Pxx-M) and specialists (Pxx-S) in squads of ~10 under the lead's
 * squad leaders; the department head leads team 1.
 */
function syntheticData(employeeCount) {
  const rand = seededRandom(20260701 + employeeCount);
  const width = String(employeeCount).length + 1;
  const eid = (i) => `E${pad(i + 1, width)}`;

  const positions = [];
  for (let t = 1; t <= TEAMS; t++) {
    const dept = `Team ${pad(t, 2)}`;
    positions.push({ position_id: `P${pad(t, 2)}M`, title: `${dept} lead`, department: dept });
    positions.push({ position_id: `P${pad(t, 2)}S`, title: `${dept} specialist`, department: dept });
  }

  // Team t gets employees i with i % TEAMS === t - 1; in each team the first is the lead,
  // every 11th a squad leader (position M, under the lead), the rest specialists in squads.
  const people = [];
  const teams = Array.from({ length: TEAMS }, () => []);
  for (let i = 0; i < employeeCount; i++) {
    const team = i % TEAMS;
    const index = teams[team].length;
    const members = teams[team];
    let manager = null;
    let lead = false;
    if (index === 0) {
      lead = true;
      manager = team === 0 ? null : people[0].id;
    } else if (index % 11 === 1) {
      lead = true;
      manager = members[0].id;
    } else {
      manager = members[index - ((index - 1) % 11) - 1].id;
    }
    const person = {
      i,
      id: eid(i),
      team,
      lead,
      manager,
      level: rand() * 2.4 - 1.3,
      fte: i % 17 === 5 ? 0.5 : 1,
    };
    people.push(person);
    members.push(person);
  }

  const employees = people.map((p) => {
    const skills = [0, 1, 2]
      .map((k) => `${TEAM_SKILLS[(p.team + k) % TEAM_SKILLS.length]}:${2 + Math.floor(rand() * 3)}`)
      .join(", ");
    return {
      employee_id: p.id,
      name: `Person ${p.id}`,
      position_id: `P${pad(p.team + 1, 2)}${p.lead ? "M" : "S"}`,
      manager_id: p.manager,
      bonus_base: (p.lead ? 36000 : 18000 + 1000 * Math.floor(rand() * 9)) * p.fte,
      fte: p.fte,
      capacity_hours: null,
      skills,
      prev_score: p.i % 13 === 0 ? null : round(60 + 35 * rand(), 1),
    };
  });

  // Sum KPIs: each of the 20 positions carries 5% of the department target.
  const decomposition = [];
  for (const pos of positions)
    for (const k of KPIS)
      decomposition.push({
        kpi_id: k.id,
        position_id: pos.position_id,
        share: k.agg === "sum" ? 0.05 : null,
        weight: k.w,
      });
  const fteOfPosition = new Map();
  people.forEach((p, idx) => {
    const pos = employees[idx].position_id;
    fteOfPosition.set(pos, (fteOfPosition.get(pos) ?? 0) + p.fte);
  });

  const actuals = [];
  for (const [idx, p] of people.entries()) {
    const pos = employees[idx].position_id;
    for (const k of KPIS) {
      const part = k.agg === "sum" ? (0.05 * p.fte) / fteOfPosition.get(pos) : 1;
      const T = k.T * part;
      const luck = p.level + (rand() * 2 - 1) * 0.45;
      let actual;
      if (k.dir === "binary") actual = luck > -0.9 ? 1 : 0;
      else {
        const toward = luck >= 0 ? k.s * part : k.h * part;
        actual = Math.max(0, Math.min(k.ceiling ?? Infinity, T + Math.abs(luck) * (toward - T)));
      }
      actuals.push({ employee_id: p.id, kpi_id: k.id, actual: round(actual, k.dec + 2), source: "business" });
    }
  }

  // Six raters each: self, manager, peers of the squad, reports, customers to fill up to six.
  const feedback = [];
  const bySquad = new Map();
  for (const p of people) {
    if (p.lead) continue;
    if (!bySquad.has(p.manager)) bySquad.set(p.manager, []);
    bySquad.get(p.manager).push(p);
  }
  const reportsOf = new Map();
  for (const p of people) {
    if (!p.manager) continue;
    if (!reportsOf.has(p.manager)) reportsOf.set(p.manager, []);
    reportsOf.get(p.manager).push(p.id);
  }
  for (const p of people) {
    const raters = [[p.id, "self"]];
    if (p.manager) raters.push([p.manager, "manager"]);
    const squad = p.lead ? [] : bySquad.get(p.manager);
    if (squad && squad.length > 3) {
      const at = squad.indexOf(p);
      for (let k = 1; k <= 3; k++) raters.push([squad[(at + k) % squad.length].id, "peer"]);
    }
    for (const r of (reportsOf.get(p.id) ?? []).slice(0, 6 - raters.length)) raters.push([r, "subordinate"]);
    for (let c = 0; raters.length < 6; c++) raters.push([`C${pad(((p.i + c) % 50) + 1, 2)}`, "customer"]);
    for (const [rater, relationship] of raters) {
      const score = Math.round(Math.min(5, Math.max(1, 3.8 + 0.8 * p.level + (rand() * 2 - 1) * 0.7)));
      feedback.push({ ratee_id: p.id, rater_id: rater, relationship, score, competency: "Execution" });
    }
  }

  // Three tasks each, for the person's team and one of its skills; every 10th pre-assigned.
  const tasks = [];
  for (let n = 0; n < employeeCount * 3; n++) {
    const team = n % TEAMS;
    const due = 20 + Math.floor(rand() * 160);
    tasks.push({
      task_id: `T${pad(n + 1, width + 1)}`,
      name: `Task ${n + 1}`,
      source: ["strategy", "kpi", "adhoc", "cross-dept"][n % 4],
      kpi_id: KPIS[n % KPIS.length].id,
      importance: 1 + Math.floor(rand() * 5),
      urgency: 1 + Math.floor(rand() * 5),
      effort_hours: 8 + Math.floor(rand() * 33),
      skill: TEAM_SKILLS[(team + (n % 3)) % TEAM_SKILLS.length],
      skill_level: 2 + (n % 2),
      department: `Team ${pad(team + 1, 2)}`,
      due: { date: iso(due) },
      assignee: n % 10 === 0 ? people[n % employeeCount].id : null,
      status: "Done",
      progress: 1,
    });
  }

  const survey = [];
  for (const period of ["before", "after"])
    for (let q = 0; q < 5; q++)
      for (let t = 1; t <= TEAMS; t++)
        survey.push({
          question: `Question ${q + 1}`,
          score: Math.round(
            Math.min(5, Math.max(1, (period === "before" ? 3 : 3.7) + (rand() * 2 - 1) * 1.2)),
          ),
          period,
          department: `Team ${pad(t, 2)}`,
        });

  const efficiency = people.map((p) => {
    const before = round(10 * (1 + (rand() * 2 - 1) * 0.15), 1);
    return {
      employee_id: p.id,
      metric: "Requests per week",
      before,
      after: round(before * (1.05 + 0.06 * p.level), 1),
    };
  });

  const totalBase = employees.reduce((s, e) => s + e.bonus_base, 0);
  return {
    settings: {
      cycle: `Synthetic ${employeeCount}`,
      period_start: { date: PERIOD_START },
      period_end: { date: PERIOD_END },
      as_of: { date: "2027-01-12" },
      bonus_pool: Math.round(totalBase / 10000) * 10000,
    },
    rows: {
      strategy: ["G1", "G2", "G3", "G4"].map((g) => ({ goal_id: g, goal: `Goal ${g}`, owner: people[0].id })),
      kpis: KPIS.map((k) => ({
        kpi_id: k.id,
        name: `KPI ${k.id}`,
        goal_id: k.goal,
        unit: "units",
        direction: k.dir,
        aggregation: k.agg,
        threshold: k.h ?? null,
        target: k.T,
        stretch: k.s ?? null,
        source: "business",
      })),
      positions,
      employees,
      decomposition,
      tasks,
      actuals,
      feedback,
      survey,
      efficiency,
    },
  };
}

/** A plan cell as exceljs writes it (value only: the benchmark input carries no styles). */
function excelValue(cell) {
  const { value } = cellParts(cell);
  if (value === null || value === undefined || value === "") return null;
  if (isDate(value)) return new Date(`${value.date}T00:00:00Z`);
  if (isFormula(value)) return { formula: value.formula, result: value.result ?? undefined };
  return value;
}

/** Writes the input workbook of `data` to `file` (streaming) and returns the row count written. */
async function writeInputWorkbook(data, file, lang = "en-US") {
  // The template with one row per sheet gives names, header rows and the Settings layout.
  const template = templatePlan(lang, { settings: data.settings, rows: {} });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  let rows = 0;
  for (const def of INPUT_SHEETS) {
    const sheetPlan = template.sheets.find((s) => s.kind === `template:${def.key}`);
    const ws = writer.addWorksheet(sheetPlan.name);
    const block = sheetPlan.blocks[0];
    if (def.key === "settings") {
      for (const r of block.rows) ws.addRow(r.map(excelValue)).commit();
    } else {
      ws.addRow(block.rows[0].map(excelValue)).commit();
      for (const row of data.rows[def.key] ?? []) {
        ws.addRow(def.columns.map((c) => excelValue(row[c.key] ?? null))).commit();
        rows++;
      }
    }
    ws.commit();
  }
  await writer.commit();
  return rows;
}

module.exports = { syntheticData, writeInputWorkbook, KPIS };
