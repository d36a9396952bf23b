/**
 * The sample data set behind `perfsheet init --sample` and the demo: an operations department
 * (运营部) of 33 people in four teams running its 2026 H2 cycle. Fully consistent (every id
 * resolves, shares and weights total 100%) and deterministic: the spread of results comes from
 * a seeded generator, so every run writes the same workbook.
 *
 * Values are as a user would type them, with enumerations in their canonical English form
 * (`higher`, `peer`, `before`); the template writes each in the workbook's language.
 */
import { employeePart } from "../core/cascade";
import { seededRandom } from "../core/random";
import type { PlainValue } from "./plan";
import type { InputSheetKey, Lang } from "./schema";

/** One input row, by column key (schema.ts); absent keys are blank cells. */
export type SampleRow = Record<string, PlainValue>;

export interface SampleData {
  /** Settings values by key; keys not given keep their defaults. */
  settings: Record<string, PlainValue>;
  rows: Partial<Record<Exclude<InputSheetKey, "settings">, SampleRow[]>>;
}

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

const date = (iso: string): PlainValue => ({ date: iso });

type Bilingual = readonly [en: string, zh: string];

interface TeamDef {
  id: "ops" | "user" | "content" | "campaign" | "data";
  name: Bilingual;
  skills: readonly Bilingual[];
  efficiencyMetric: Bilingual;
  /** Typical value of the efficiency metric before the new incentives. */
  efficiencyBase: number;
}

const TEAMS: readonly TeamDef[] = [
  {
    id: "ops",
    name: ["Operations", "运营部"],
    skills: [
      ["Project management", "项目管理"],
      ["Data analysis", "数据分析"],
    ],
    efficiencyMetric: ["Proposals reviewed per week", "周均审批方案数"],
    efficiencyBase: 9,
  },
  {
    id: "user",
    name: ["User Operations", "用户运营"],
    skills: [
      ["Community", "社群运营"],
      ["User research", "用户研究"],
      ["Customer service", "客户服务"],
      ["Data analysis", "数据分析"],
    ],
    efficiencyMetric: ["Tickets resolved per day", "日均处理工单数"],
    efficiencyBase: 36,
  },
  {
    id: "content",
    name: ["Content Operations", "内容运营"],
    skills: [
      ["Copywriting", "文案写作"],
      ["Video editing", "视频剪辑"],
      ["Content planning", "内容策划"],
      ["Compliance review", "合规审核"],
    ],
    efficiencyMetric: ["Pieces published per week", "周均发布内容数"],
    efficiencyBase: 6,
  },
  {
    id: "campaign",
    name: ["Campaign Operations", "活动运营"],
    skills: [
      ["Event planning", "活动策划"],
      ["Partnerships", "商务合作"],
      ["Data analysis", "数据分析"],
      ["Project management", "项目管理"],
    ],
    efficiencyMetric: ["Campaigns launched per month", "月均上线活动数"],
    efficiencyBase: 4,
  },
  {
    id: "data",
    name: ["Data Operations", "数据运营"],
    skills: [
      ["SQL", "SQL"],
      ["Data analysis", "数据分析"],
      ["Visualisation", "数据可视化"],
      ["Python", "Python"],
    ],
    efficiencyMetric: ["Requests delivered per week", "周均交付需求数"],
    efficiencyBase: 11,
  },
];

interface PositionDef {
  id: string;
  team: TeamDef["id"];
  title: Bilingual;
  responsibilities: Bilingual;
  manager: boolean;
}

const POSITIONS: readonly PositionDef[] = [
  {
    id: "P01",
    team: "ops",
    title: ["Head of Operations", "运营总监"],
    responsibilities: [
      "Sets the department's goals, owns customer experience and campaign returns",
      "制定部门目标，对客户体验和活动投入产出负总责",
    ],
    manager: true,
  },
  {
    id: "P02",
    team: "user",
    title: ["User Operations Manager", "用户运营经理"],
    responsibilities: ["Leads user growth, retention and service quality", "负责用户增长、留存与服务质量"],
    manager: true,
  },
  {
    id: "P03",
    team: "user",
    title: ["User Operations Specialist", "用户运营专员"],
    responsibilities: [
      "Runs communities, onboarding and customer service; handles complaints",
      "运营用户社群与新手引导，处理客服咨询和投诉",
    ],
    manager: false,
  },
  {
    id: "P04",
    team: "content",
    title: ["Content Manager", "内容运营经理"],
    responsibilities: [
      "Owns the editorial calendar, reach and content compliance",
      "负责内容规划、传播效果与内容合规",
    ],
    manager: true,
  },
  {
    id: "P05",
    team: "content",
    title: ["Content Editor", "内容编辑"],
    responsibilities: [
      "Writes, edits and publishes articles and short videos",
      "撰写、编辑并发布图文与短视频",
    ],
    manager: false,
  },
  {
    id: "P06",
    team: "campaign",
    title: ["Campaign Manager", "活动运营经理"],
    responsibilities: ["Owns campaign revenue and return on spend", "对活动成交额和投入产出比负责"],
    manager: true,
  },
  {
    id: "P07",
    team: "campaign",
    title: ["Campaign Planner", "活动策划"],
    responsibilities: ["Plans and runs campaigns with partners", "策划并执行线上线下活动，对接合作商家"],
    manager: false,
  },
  {
    id: "P08",
    team: "data",
    title: ["Data Operations Manager", "数据运营经理"],
    responsibilities: [
      "Owns metric definitions, reporting and data requests",
      "负责指标口径、报表体系与数据需求",
    ],
    manager: true,
  },
  {
    id: "P09",
    team: "data",
    title: ["Data Analyst", "数据分析师"],
    responsibilities: ["Builds reports and answers data requests", "制作报表，响应各团队的数据需求"],
    manager: false,
  },
];

interface GoalDef {
  id: string;
  goal: Bilingual;
  /** Employee who owns the goal. */
  owner: string;
}

const GOALS: readonly GoalDef[] = [
  { id: "G1", goal: ["Grow active users by 20% in H2", "下半年活跃用户增长 20%"], owner: "E002" },
  { id: "G2", goal: ["Raise customer satisfaction to 90%", "客户满意度提升至 90%"], owner: "E001" },
  {
    id: "G3",
    goal: [
      "Reach CNY 20 M campaign GMV at a return of at least 3×",
      "活动成交额达到 2000 万元，投入产出比不低于 3",
    ],
    owner: "E020",
  },
  {
    id: "G4",
    goal: ["Zero compliance incidents; decisions backed by timely data", "合规零事故，用及时的数据支撑决策"],
    owner: "E027",
  },
];

interface KpiDef {
  id: string;
  name: Bilingual;
  goal: string;
  unit: Bilingual;
  direction: "higher" | "lower" | "binary";
  aggregation: "sum" | "average";
  baseline?: number;
  threshold?: number;
  target: number;
  stretch?: number;
  source: "business" | "finance" | "customer";
  /** Decimals an actual is reported with. */
  decimals: number;
  /** Highest possible actual (a rate cannot pass 100%). */
  ceiling?: number;
}

const KPIS: readonly KpiDef[] = [
  {
    id: "K01",
    name: ["New registered users", "新增注册用户数"],
    goal: "G1",
    unit: ["users", "人"],
    direction: "higher",
    aggregation: "sum",
    baseline: 98000,
    threshold: 105000,
    target: 120000,
    stretch: 135000,
    source: "business",
    decimals: 0,
  },
  {
    id: "K02",
    name: ["Next-month retention rate", "次月留存率"],
    goal: "G1",
    unit: ["%", "%"],
    direction: "higher",
    aggregation: "average",
    baseline: 38,
    threshold: 38,
    target: 42,
    stretch: 46,
    source: "business",
    decimals: 1,
  },
  {
    id: "K03",
    name: ["Complaint rate", "客诉率"],
    goal: "G2",
    unit: ["%", "%"],
    direction: "lower",
    aggregation: "average",
    baseline: 1.2,
    threshold: 1.0,
    target: 0.8,
    stretch: 0.6,
    source: "customer",
    decimals: 2,
  },
  {
    id: "K04",
    name: ["First response time", "平均首次响应时长"],
    goal: "G2",
    unit: ["minutes", "分钟"],
    direction: "lower",
    aggregation: "average",
    baseline: 32,
    threshold: 30,
    target: 20,
    stretch: 12,
    source: "customer",
    decimals: 1,
  },
  {
    id: "K05",
    name: ["Content views", "内容阅读量"],
    goal: "G3",
    unit: ["10k views", "万次"],
    direction: "higher",
    aggregation: "sum",
    baseline: 820,
    threshold: 900,
    target: 1000,
    stretch: 1200,
    source: "business",
    decimals: 1,
  },
  {
    id: "K06",
    name: ["Campaign GMV", "活动成交额"],
    goal: "G3",
    unit: ["CNY 10k", "万元"],
    direction: "higher",
    aggregation: "sum",
    baseline: 1650,
    threshold: 1800,
    target: 2000,
    stretch: 2400,
    source: "finance",
    decimals: 1,
  },
  {
    id: "K07",
    name: ["Campaign return on spend", "活动投入产出比"],
    goal: "G3",
    unit: ["×", "倍"],
    direction: "higher",
    aggregation: "average",
    baseline: 2.6,
    threshold: 2.5,
    target: 3.0,
    stretch: 3.6,
    source: "finance",
    decimals: 2,
  },
  {
    id: "K08",
    name: ["Customer satisfaction", "客户满意度"],
    goal: "G2",
    unit: ["%", "%"],
    direction: "higher",
    aggregation: "average",
    baseline: 86,
    threshold: 85,
    target: 90,
    stretch: 95,
    source: "customer",
    decimals: 1,
    ceiling: 100,
  },
  {
    id: "K09",
    name: ["Compliance audit passed", "合规审计通过"],
    goal: "G4",
    unit: ["1 = passed", "1 = 通过"],
    direction: "binary",
    aggregation: "average",
    target: 1,
    source: "business",
    decimals: 0,
  },
  {
    id: "K10",
    name: ["Reports delivered on time", "数据报表按时交付率"],
    goal: "G4",
    unit: ["%", "%"],
    direction: "higher",
    aggregation: "average",
    baseline: 91,
    threshold: 90,
    target: 98,
    stretch: 100,
    source: "business",
    decimals: 1,
    ceiling: 100,
  },
  {
    id: "K11",
    name: ["Data requests completed", "数据需求完成数"],
    goal: "G4",
    unit: ["requests", "个"],
    direction: "higher",
    aggregation: "sum",
    baseline: 170,
    threshold: 180,
    target: 220,
    stretch: 260,
    source: "business",
    decimals: 0,
  },
];

/** [kpi, position, share % (sum KPIs only), weight %]. Shares per sum KPI and weights per position total 100. */
const DECOMPOSITION: readonly (readonly [string, string, number | null, number])[] = [
  ["K08", "P01", null, 30],
  ["K07", "P01", null, 30],
  ["K03", "P01", null, 20],
  ["K09", "P01", null, 20],
  ["K01", "P02", 10, 30],
  ["K02", "P02", null, 25],
  ["K03", "P02", null, 20],
  ["K08", "P02", null, 25],
  ["K01", "P03", 60, 35],
  ["K02", "P03", null, 20],
  ["K03", "P03", null, 15],
  ["K04", "P03", null, 15],
  ["K08", "P03", null, 15],
  ["K05", "P04", 15, 50],
  ["K02", "P04", null, 30],
  ["K09", "P04", null, 20],
  ["K05", "P05", 85, 60],
  ["K02", "P05", null, 20],
  ["K09", "P05", null, 20],
  ["K06", "P06", 20, 40],
  ["K07", "P06", null, 40],
  ["K08", "P06", null, 20],
  ["K06", "P07", 80, 45],
  ["K01", "P07", 30, 30],
  ["K07", "P07", null, 25],
  ["K11", "P08", 15, 40],
  ["K10", "P08", null, 40],
  ["K09", "P08", null, 20],
  ["K11", "P09", 85, 60],
  ["K10", "P09", null, 40],
];

interface PersonDef {
  id: string;
  name: Bilingual;
  position: string;
  manager?: string;
  fte?: number;
  /**
   * Where this person's results tend to land on the scoring curve: 0 = target, 1 = stretch,
   * -1 = threshold; below -1 misses the threshold. Chosen to give a realistic spread.
   */
  level: number;
}

const PEOPLE: readonly PersonDef[] = [
  { id: "E001", name: ["Margaret Hughes", "周立明"], position: "P01", level: 0.3 },
  { id: "E002", name: ["Daniel Carter", "陈晓燕"], position: "P02", manager: "E001", level: -0.15 },
  { id: "E003", name: ["Emily Johnson", "李娜"], position: "P03", manager: "E002", level: 0.9 },
  { id: "E004", name: ["Ryan Mitchell", "张伟"], position: "P03", manager: "E002", level: -0.3 },
  { id: "E005", name: ["Sophie Turner", "刘洋"], position: "P03", manager: "E002", level: -0.55 },
  { id: "E006", name: ["Jason Lee", "王芳"], position: "P03", manager: "E002", level: -0.2 },
  { id: "E007", name: ["Hannah Brooks", "杨帆"], position: "P03", manager: "E002", level: -1.15 },
  { id: "E008", name: ["Kevin Nguyen", "赵敏"], position: "P03", manager: "E002", level: -0.45 },
  { id: "E009", name: ["Laura Bennett", "黄磊"], position: "P03", manager: "E002", level: 0.2 },
  { id: "E010", name: ["Marcus Reed", "吴婷"], position: "P03", manager: "E002", level: -0.8 },
  { id: "E011", name: ["Olivia Price", "孙浩"], position: "P03", manager: "E002", fte: 0.5, level: -0.5 },
  { id: "E012", name: ["Rachel Foster", "林静"], position: "P04", manager: "E001", level: -0.3 },
  { id: "E013", name: ["Chloe Adams", "何佳"], position: "P05", manager: "E012", level: 0.6 },
  { id: "E014", name: ["Ethan Walker", "郭瑞"], position: "P05", manager: "E012", level: -0.4 },
  { id: "E015", name: ["Grace Kim", "马丽"], position: "P05", manager: "E012", level: -0.4 },
  { id: "E016", name: ["Nathan Scott", "罗晨"], position: "P05", manager: "E012", level: -0.9 },
  { id: "E017", name: ["Isabel Cruz", "高远"], position: "P05", manager: "E012", level: -0.5 },
  { id: "E018", name: ["Tom Harris", "郑雪"], position: "P05", manager: "E012", level: -0.6 },
  { id: "E019", name: ["Zoe Campbell", "谢雨桐"], position: "P05", manager: "E012", fte: 0.5, level: -1.2 },
  { id: "E020", name: ["Michael Grant", "许强"], position: "P06", manager: "E001", level: 0.2 },
  { id: "E021", name: ["Ava Martinez", "韩梅"], position: "P07", manager: "E020", level: 1.2 },
  { id: "E022", name: ["Lucas Wright", "冯涛"], position: "P07", manager: "E020", level: -0.35 },
  { id: "E023", name: ["Mia Robinson", "邓琳"], position: "P07", manager: "E020", level: -0.65 },
  { id: "E024", name: ["Owen Clark", "曹阳"], position: "P07", manager: "E020", level: -0.35 },
  { id: "E025", name: ["Lily Evans", "彭欣"], position: "P07", manager: "E020", level: -1.1 },
  { id: "E026", name: ["Sam Patel", "曾凯"], position: "P07", manager: "E020", level: -0.45 },
  { id: "E027", name: ["Priya Shah", "蒋文博"], position: "P08", manager: "E001", level: -0.2 },
  { id: "E028", name: ["Jack Morgan", "唐悦"], position: "P09", manager: "E027", level: 0.45 },
  { id: "E029", name: ["Ella Thompson", "董明"], position: "P09", manager: "E027", level: -0.6 },
  { id: "E030", name: ["Noah Baker", "袁晓"], position: "P09", manager: "E027", level: -0.1 },
  { id: "E031", name: ["Ruby Collins", "潘宇"], position: "P09", manager: "E027", level: -0.75 },
  { id: "E032", name: ["Leo Murphy", "蔡琪"], position: "P09", manager: "E027", level: -0.3 },
  { id: "E033", name: ["Amy Wood", "田野"], position: "P09", manager: "E027", fte: 0.5, level: -0.85 },
];

/** People who joined during the last cycle have no previous score. */
const NEW_JOINERS = new Set(["E011", "E026"]);

type TaskSource = "strategy" | "kpi" | "adhoc" | "cross-dept";

interface TaskDef {
  id: string;
  name: Bilingual;
  source: TaskSource;
  kpi?: string;
  importance: number;
  urgency: number;
  effort: number;
  skill?: Bilingual;
  skillLevel?: number;
  team?: TeamDef["id"];
  due?: string;
  earliestStart?: string;
  project?: Bilingual;
  assignee?: string;
  status: "done" | "doing" | "todo";
}

const MEMBERSHIP: Bilingual = ["Membership revamp", "会员体系升级"];
const SINGLES_DAY: Bilingual = ["Singles' Day campaign", "双十一大促"];
const DASHBOARD: Bilingual = ["Dashboard 2.0", "数据看板2.0"];

const skill = (team: TeamDef["id"], index: number): Bilingual =>
  TEAMS.find((t) => t.id === team)!.skills[index];

// prettier-ignore
const TASKS: readonly TaskDef[] = [
  { id: "T01", name: ["Launch the new-user onboarding journey", "上线新用户引导流程"], source: "strategy", kpi: "K01", importance: 5, urgency: 4, effort: 80, skill: skill("user", 1), skillLevel: 3, team: "user", due: "2026-08-31", project: MEMBERSHIP, status: "done" },
  { id: "T02", name: ["Weekly community events for H2", "下半年社群周活动"], source: "kpi", kpi: "K02", importance: 3, urgency: 3, effort: 120, skill: skill("user", 0), skillLevel: 2, team: "user", due: "2026-12-31", status: "done" },
  { id: "T03", name: ["Win back users at risk of churning", "流失预警用户召回"], source: "kpi", kpi: "K02", importance: 5, urgency: 5, effort: 60, skill: skill("user", 3), skillLevel: 3, team: "user", due: "2026-09-15", status: "done" },
  { id: "T04", name: ["Rewrite the customer-service FAQ", "客服知识库改版"], source: "kpi", kpi: "K04", importance: 4, urgency: 3, effort: 40, skill: skill("user", 2), skillLevel: 3, team: "user", due: "2026-08-15", status: "done" },
  { id: "T05", name: ["Root-cause review of complaints", "客诉根因复盘"], source: "kpi", kpi: "K03", importance: 4, urgency: 5, effort: 24, skill: skill("user", 2), skillLevel: 4, team: "user", due: "2026-07-31", assignee: "E002", status: "done" },
  { id: "T06", name: ["Design the membership tiers", "会员等级体系设计"], source: "strategy", kpi: "K01", importance: 5, urgency: 3, effort: 100, skill: skill("user", 1), skillLevel: 4, due: "2026-10-31", project: MEMBERSHIP, status: "done" },
  { id: "T07", name: ["Launch the points mall", "积分商城上线"], source: "strategy", kpi: "K02", importance: 4, urgency: 3, effort: 90, skill: skill("user", 0), skillLevel: 3, team: "user", due: "2026-11-30", earliestStart: "2026-09-01", project: MEMBERSHIP, status: "done" },
  { id: "T08", name: ["Response-time dashboard for agents", "客服响应时效看板"], source: "kpi", kpi: "K04", importance: 3, urgency: 4, effort: 16, skill: skill("user", 3), skillLevel: 2, team: "user", due: "2026-07-20", status: "done" },
  { id: "T09", name: ["Satisfaction survey of new users", "新用户满意度调研"], source: "kpi", kpi: "K08", importance: 3, urgency: 2, effort: 30, skill: skill("user", 1), skillLevel: 2, team: "user", due: "2026-09-30", status: "done" },
  { id: "T10", name: ["Handle VIP escalations", "VIP 客户升级投诉处理"], source: "adhoc", kpi: "K03", importance: 4, urgency: 5, effort: 20, skill: skill("user", 2), skillLevel: 4, team: "user", due: "2026-08-10", status: "done" },
  { id: "T11", name: ["Editorial calendar for H2", "下半年内容选题日历"], source: "strategy", kpi: "K05", importance: 5, urgency: 4, effort: 32, skill: skill("content", 2), skillLevel: 4, team: "content", due: "2026-07-15", assignee: "E012", status: "done" },
  { id: "T12", name: ["Short-video series: 24 episodes", "短视频系列 24 期"], source: "kpi", kpi: "K05", importance: 4, urgency: 3, effort: 150, skill: skill("content", 1), skillLevel: 3, team: "content", due: "2026-12-15", status: "done" },
  { id: "T13", name: ["SEO refresh of the top 100 articles", "百篇热门文章 SEO 优化"], source: "kpi", kpi: "K05", importance: 3, urgency: 3, effort: 60, skill: skill("content", 0), skillLevel: 2, team: "content", due: "2026-10-31", status: "done" },
  { id: "T14", name: ["Compliance check of past content", "历史内容合规排查"], source: "kpi", kpi: "K09", importance: 5, urgency: 4, effort: 50, skill: skill("content", 3), skillLevel: 3, team: "content", due: "2026-08-31", status: "done" },
  { id: "T15", name: ["Brand story long read", "品牌故事长文"], source: "strategy", kpi: "K02", importance: 3, urgency: 2, effort: 24, skill: skill("content", 0), skillLevel: 4, team: "content", due: "2026-09-30", status: "done" },
  { id: "T16", name: ["Singles' Day content pack", "双十一内容物料包"], source: "cross-dept", kpi: "K06", importance: 5, urgency: 5, effort: 80, skill: skill("content", 2), skillLevel: 3, due: "2026-11-05", earliestStart: "2026-10-01", project: SINGLES_DAY, status: "done" },
  { id: "T17", name: ["User-generated content programme", "用户共创内容计划"], source: "kpi", kpi: "K05", importance: 3, urgency: 3, effort: 70, skill: skill("content", 2), skillLevel: 3, team: "content", due: "2026-11-30", status: "doing" },
  { id: "T18", name: ["Weekly newsletter, 26 issues", "内容周刊 26 期"], source: "kpi", kpi: "K05", importance: 2, urgency: 3, effort: 52, skill: skill("content", 0), skillLevel: 2, team: "content", due: "2026-12-31", status: "done" },
  { id: "T19", name: ["Resolve a copyright claim on a video", "处理视频版权投诉"], source: "adhoc", kpi: "K09", importance: 4, urgency: 5, effort: 8, skill: skill("content", 3), skillLevel: 3, team: "content", due: "2026-07-10", assignee: "E013", status: "done" },
  { id: "T20", name: ["Monthly content performance review", "内容数据月度复盘"], source: "kpi", kpi: "K05", importance: 2, urgency: 2, effort: 24, team: "content", due: "2026-12-31", status: "done" },
  { id: "T21", name: ["Singles' Day master plan", "双十一大促总方案"], source: "strategy", kpi: "K06", importance: 5, urgency: 5, effort: 60, skill: skill("campaign", 0), skillLevel: 4, team: "campaign", due: "2026-10-15", project: SINGLES_DAY, assignee: "E020", status: "done" },
  { id: "T22", name: ["Singles' Day partner onboarding", "双十一商家招商"], source: "cross-dept", kpi: "K06", importance: 5, urgency: 4, effort: 90, skill: skill("campaign", 1), skillLevel: 3, team: "campaign", due: "2026-10-25", project: SINGLES_DAY, status: "done" },
  { id: "T23", name: ["Singles' Day live-stream schedule", "双十一直播排期"], source: "kpi", kpi: "K06", importance: 4, urgency: 4, effort: 40, skill: skill("campaign", 0), skillLevel: 3, team: "campaign", due: "2026-11-08", earliestStart: "2026-10-10", project: SINGLES_DAY, status: "done" },
  { id: "T24", name: ["Mid-Autumn gift box campaign", "中秋礼盒活动"], source: "kpi", kpi: "K06", importance: 4, urgency: 4, effort: 50, skill: skill("campaign", 0), skillLevel: 3, team: "campaign", due: "2026-09-20", status: "done" },
  { id: "T25", name: ["Double-12 flash sale", "双十二限时秒杀"], source: "kpi", kpi: "K06", importance: 4, urgency: 3, effort: 45, skill: skill("campaign", 0), skillLevel: 3, team: "campaign", due: "2026-12-10", earliestStart: "2026-11-15", status: "done" },
  { id: "T26", name: ["Campaign return-on-spend model", "活动 ROI 测算模型"], source: "strategy", kpi: "K07", importance: 4, urgency: 3, effort: 36, skill: skill("campaign", 2), skillLevel: 3, due: "2026-08-31", status: "done" },
  { id: "T27", name: ["Year-end member festival", "年终会员节"], source: "kpi", kpi: "K01", importance: 4, urgency: 2, effort: 70, skill: skill("campaign", 0), skillLevel: 3, team: "campaign", due: "2026-12-20", project: MEMBERSHIP, status: "doing" },
  { id: "T28", name: ["Invite-a-friend referral programme", "老带新邀请有礼"], source: "kpi", kpi: "K01", importance: 5, urgency: 3, effort: 60, skill: skill("campaign", 0), skillLevel: 2, team: "campaign", due: "2026-09-30", status: "done" },
  { id: "T29", name: ["Renew event supplier contracts", "活动供应商续约"], source: "adhoc", kpi: "K07", importance: 2, urgency: 4, effort: 16, skill: skill("campaign", 1), skillLevel: 3, team: "campaign", due: "2026-07-31", status: "done" },
  { id: "T30", name: ["Post-campaign reviews", "活动复盘报告"], source: "kpi", kpi: "K07", importance: 3, urgency: 2, effort: 30, skill: skill("campaign", 2), skillLevel: 2, team: "campaign", due: "2026-12-31", status: "doing" },
  { id: "T31", name: ["Operations dashboard 2.0", "运营数据看板 2.0"], source: "strategy", kpi: "K10", importance: 5, urgency: 3, effort: 120, skill: skill("data", 2), skillLevel: 3, team: "data", due: "2026-10-31", project: DASHBOARD, status: "done" },
  { id: "T32", name: ["Unify metric definitions", "统一指标口径"], source: "strategy", kpi: "K10", importance: 5, urgency: 4, effort: 40, skill: skill("data", 1), skillLevel: 4, team: "data", due: "2026-08-15", project: DASHBOARD, assignee: "E027", status: "done" },
  { id: "T33", name: ["Automate the weekly reports", "周报自动化"], source: "kpi", kpi: "K10", importance: 4, urgency: 3, effort: 60, skill: skill("data", 3), skillLevel: 3, team: "data", due: "2026-09-30", project: DASHBOARD, status: "done" },
  { id: "T34", name: ["User segmentation model", "用户分层模型"], source: "cross-dept", kpi: "K02", importance: 4, urgency: 3, effort: 80, skill: skill("data", 3), skillLevel: 4, due: "2026-10-15", status: "done" },
  { id: "T35", name: ["Singles' Day live war-room screen", "双十一实时作战大屏"], source: "cross-dept", kpi: "K06", importance: 5, urgency: 4, effort: 50, skill: skill("data", 2), skillLevel: 3, team: "data", due: "2026-11-09", earliestStart: "2026-10-15", project: SINGLES_DAY, status: "done" },
  { id: "T36", name: ["Clear the data-request backlog", "数据需求积压清理"], source: "kpi", kpi: "K11", importance: 3, urgency: 5, effort: 40, skill: skill("data", 0), skillLevel: 2, team: "data", due: "2026-07-31", status: "done" },
  { id: "T37", name: ["A/B testing guidelines", "A/B 测试规范"], source: "kpi", kpi: "K11", importance: 3, urgency: 2, effort: 24, skill: skill("data", 1), skillLevel: 3, team: "data", due: "2026-11-30", status: "todo" },
  { id: "T38", name: ["Data quality monitoring", "数据质量监控"], source: "kpi", kpi: "K10", importance: 4, urgency: 3, effort: 50, skill: skill("data", 0), skillLevel: 3, team: "data", due: "2026-09-15", status: "done" },
  { id: "T39", name: ["Finance reconciliation support", "财务对账临时支持"], source: "adhoc", kpi: "K11", importance: 2, urgency: 5, effort: 12, skill: skill("data", 0), skillLevel: 2, team: "data", due: "2026-07-25", status: "done" },
  { id: "T40", name: ["H2 goals kick-off workshop", "下半年目标宣贯会"], source: "strategy", kpi: "K08", importance: 5, urgency: 5, effort: 16, skill: skill("ops", 0), skillLevel: 4, due: "2026-07-10", assignee: "E001", status: "done" },
  { id: "T41", name: ["Quarterly customer advisory panel", "季度客户顾问会"], source: "cross-dept", kpi: "K08", importance: 4, urgency: 2, effort: 24, due: "2026-09-25", status: "done" },
  { id: "T42", name: ["Compliance self-audit", "合规自查"], source: "kpi", kpi: "K09", importance: 5, urgency: 4, effort: 32, skill: skill("content", 3), skillLevel: 3, due: "2026-11-15", status: "done" },
  { id: "T43", name: ["Privacy policy update with Legal", "配合法务更新隐私政策"], source: "cross-dept", kpi: "K09", importance: 4, urgency: 4, effort: 20, skill: skill("content", 3), skillLevel: 4, due: "2026-08-20", status: "done" },
  { id: "T44", name: ["Data literacy training for the team", "团队数据素养培训"], source: "strategy", kpi: "K10", importance: 3, urgency: 2, effort: 24, skill: skill("data", 1), skillLevel: 4, due: "2026-10-20", status: "done" },
  { id: "T45", name: ["Office move support", "办公室搬迁支持"], source: "adhoc", importance: 1, urgency: 3, effort: 12, due: "2026-08-05", status: "done" },
  { id: "T46", name: ["Archive 2025 campaign materials", "归档 2025 年活动资料"], source: "adhoc", importance: 1, urgency: 1, effort: 10, team: "campaign", status: "todo" },
];

const COMPETENCIES: readonly Bilingual[] = [
  ["Expertise", "专业能力"],
  ["Collaboration", "协作沟通"],
  ["Execution", "执行力"],
  ["Initiative", "创新意识"],
];

const COMMENTS: readonly Bilingual[] = [
  ["Reliable and well organised", "做事可靠，条理清晰"],
  ["Shares knowledge generously", "乐于分享经验"],
  ["Could follow up faster", "跟进可以更及时"],
  ["Great ideas in campaign planning", "活动创意好"],
  ["Needs to prioritise better", "需要更好地安排优先级"],
];

const SURVEY_QUESTIONS: readonly Bilingual[] = [
  ["Fairness: appraisal results are fair", "公平性：考核结果公平公正"],
  ["Transparency: targets and criteria are clear", "透明度：目标和考核标准清晰透明"],
  ["Incentive: bonuses reward good performance", "激励力度：奖金与绩效挂钩有激励作用"],
  ["Feedback: I get timely, useful feedback", "反馈：能及时得到有用的反馈"],
  ["Retention: I want to stay in this team", "留任意愿：愿意继续留在团队"],
];

/** External customers who rate client-facing staff (360° customer group). */
const CUSTOMER_RATERS = ["C01", "C02", "C03", "C04", "C05", "C06"];

const CYCLE: Bilingual = ["2026 H2", "2026年下半年"];

/**
 * The sample in `lang`. Texts (names, goals, tasks) are in that language; enumerated values
 * are canonical English words.
 *
 * @example sampleData("zh-CN").rows.employees?.[0] // { employee_id: "E001", name: "周立明", … }
 */
export function sampleData(lang: Lang): SampleData {
  const t = (b: Bilingual): string => (lang === "zh-CN" ? b[1] : b[0]);
  const rand = seededRandom(20260701);
  const noise = (spread: number): number => (rand() * 2 - 1) * spread;

  const positionOf = new Map(POSITIONS.map((p) => [p.id, p]));
  const teamOf = (person: PersonDef): TeamDef =>
    TEAMS.find((tm) => tm.id === positionOf.get(person.position)!.team)!;
  const personById = new Map(PEOPLE.map((p) => [p.id, p]));

  const strategy = GOALS.map((g) => ({
    goal_id: g.id,
    goal: t(g.goal),
    owner: t(personById.get(g.owner)!.name),
  }));

  const kpis = KPIS.map((k) => ({
    kpi_id: k.id,
    name: t(k.name),
    goal_id: k.goal,
    unit: t(k.unit),
    direction: k.direction,
    aggregation: k.aggregation,
    baseline: k.baseline ?? null,
    threshold: k.threshold ?? null,
    target: k.target,
    stretch: k.stretch ?? null,
    source: k.source,
  }));

  const positions = POSITIONS.map((p) => ({
    position_id: p.id,
    title: t(p.title),
    department: t(TEAMS.find((tm) => tm.id === p.team)!.name),
    responsibilities: t(p.responsibilities),
  }));

  const employees = PEOPLE.map((p) => {
    const position = positionOf.get(p.position)!;
    const team = teamOf(p);
    const fte = p.fte ?? 1;
    // Managers are strong in all their team's skills (and project management); the others
    // have three of their team's four skills, at levels 2 to 4.
    const number = Number(p.id.slice(1));
    const skills = team.skills
      .map((s, i) => {
        if (position.manager) return `${t(s)}:${p.position === "P01" ? 5 - i : 4 + (i % 2)}`;
        if ((number + i) % 4 === 3) return "";
        return `${t(s)}:${2 + Math.floor(rand() * 3)}`;
      })
      .filter(Boolean);
    const projectManagement = t(TEAMS[0].skills[0]);
    if (position.manager && !skills.some((s) => s.startsWith(projectManagement + ":"))) {
      skills.push(`${projectManagement}:4`);
    }
    const bonusBase =
      p.position === "P01" ? 60000 : position.manager ? 36000 : 18000 + 1000 * Math.floor(rand() * 9);
    return {
      employee_id: p.id,
      name: t(p.name),
      position_id: p.position,
      manager_id: p.manager ?? null,
      bonus_base: bonusBase * fte,
      fte,
      capacity_hours: p.id === "E001" ? 600 : null,
      skills: skills.join(", "),
      prev_score: NEW_JOINERS.has(p.id) ? null : round(clamp(78 + 6 * p.level + noise(9), 55, 98), 1),
    };
  });

  const decomposition = DECOMPOSITION.map(([kpi, position, share, weight]) => ({
    kpi_id: kpi,
    position_id: position,
    share: share === null ? null : share / 100,
    weight: weight / 100,
  }));

  // Each person's actual sits where their level (plus some luck) puts it on the curve of
  // their own target, threshold and stretch, as the cascade (SPEC §3) gives them.
  const fteOfPosition = (position: string): number =>
    PEOPLE.filter((p) => p.position === position).reduce((s, p) => s + (p.fte ?? 1), 0);
  const actuals: SampleRow[] = [];
  for (const person of PEOPLE) {
    for (const [kpiId, position, share] of DECOMPOSITION) {
      if (position !== person.position) continue;
      const k = KPIS.find((x) => x.id === kpiId)!;
      const part = employeePart(
        {
          id: k.id,
          name: k.name[0],
          direction: k.direction,
          aggregation: k.aggregation,
          threshold: k.threshold,
          target: k.target,
          stretch: k.stretch,
          source: { sheet: "KPIs", row: KPIS.indexOf(k) + 2 },
        },
        share === null ? undefined : share / 100,
        person.fte ?? 1,
        fteOfPosition(position),
      );
      const luck = person.level + noise(0.45);
      let actual: number;
      if (k.direction === "binary") {
        actual = luck > -0.9 ? 1 : 0;
      } else {
        const toward =
          luck >= 0 ? (part.stretch ?? part.target * 1.2) : (part.threshold ?? part.target * 0.8);
        actual = part.target + Math.abs(luck) * (toward - part.target);
        actual = Math.max(0, Math.min(k.ceiling ?? Infinity, actual));
      }
      actuals.push({
        employee_id: person.id,
        kpi_id: k.id,
        actual: round(actual, k.decimals),
        source: k.source,
        note: k.id === "K06" && person.position === "P07" ? t(["Includes Singles' Day", "含双十一"]) : null,
      });
    }
  }

  const feedback: SampleRow[] = [];
  const rate = (ratee: PersonDef, rater: string, relationship: string, lift = 0): void => {
    const score = Math.round(clamp(3.8 + 0.8 * ratee.level + lift + noise(0.7), 1, 5));
    const n = feedback.length;
    feedback.push({
      ratee_id: ratee.id,
      rater_id: rater,
      relationship,
      score,
      competency: t(COMPETENCIES[n % COMPETENCIES.length]),
      comment: n % 7 === 0 ? t(COMMENTS[(n / 7) % COMMENTS.length]) : null,
    });
  };
  const clientFacing = new Set(["P02", "P03", "P06", "P07"]);
  PEOPLE.forEach((person, index) => {
    rate(person, person.id, "self", 0.4);
    if (person.manager) rate(person, person.manager, "manager");
    // Peers: the next three colleagues with the same manager (round the circle).
    const colleagues = PEOPLE.filter((p) => p.manager === person.manager && p.manager !== undefined);
    const at = colleagues.indexOf(person);
    if (colleagues.length > 3) {
      for (let i = 1; i <= 3; i++) rate(person, colleagues[(at + i) % colleagues.length].id, "peer");
    }
    for (const report of PEOPLE.filter((p) => p.manager === person.id))
      rate(person, report.id, "subordinate");
    if (clientFacing.has(person.position)) {
      // Two or three customers: with two, the group is too small to show on its own (SPEC §5).
      const count = index % 3 === 0 ? 2 : 3;
      for (let i = 0; i < count; i++)
        rate(person, CUSTOMER_RATERS[(index + i) % CUSTOMER_RATERS.length], "customer");
    }
  });

  // Eight answers per question and period, two per team; the new scheme is rated better.
  const survey: SampleRow[] = [];
  for (const period of ["before", "after"] as const) {
    SURVEY_QUESTIONS.forEach((question, qi) => {
      for (const team of TEAMS.slice(1)) {
        for (let i = 0; i < 2; i++) {
          const mean = period === "before" ? 3.0 + 0.1 * qi : 3.7 + 0.05 * qi;
          survey.push({
            question: t(question),
            score: Math.round(clamp(mean + noise(1.2), 1, 5)),
            period,
            department: t(team.name),
          });
        }
      }
    });
  }

  const efficiency = PEOPLE.map((person) => {
    const team = teamOf(person);
    const before = team.efficiencyBase * (1 + noise(0.15)) * (person.fte ?? 1);
    const after = before * (1 + 0.05 + 0.06 * person.level + noise(0.05));
    return {
      employee_id: person.id,
      metric: t(team.efficiencyMetric),
      before: round(before, 1),
      after: round(after, 1),
    };
  });

  const statusWords: Record<TaskDef["status"], Bilingual> = {
    done: ["Done", "已完成"],
    doing: ["In progress", "进行中"],
    todo: ["Not started", "未开始"],
  };
  const tasks = TASKS.map((task) => ({
    task_id: task.id,
    name: t(task.name),
    source: task.source,
    kpi_id: task.kpi ?? null,
    importance: task.importance,
    urgency: task.urgency,
    effort_hours: task.effort,
    skill: task.skill ? t(task.skill) : null,
    skill_level: task.skillLevel ?? null,
    department: task.team ? t(TEAMS.find((tm) => tm.id === task.team)!.name) : null,
    due: task.due ? date(task.due) : null,
    earliest_start: task.earliestStart ? date(task.earliestStart) : null,
    project: task.project ? t(task.project) : null,
    assignee: task.assignee ?? null,
    status: t(statusWords[task.status]),
    progress: task.status === "done" ? 1 : task.status === "doing" ? 0.8 : 0,
  }));

  // A pool worth everyone's bonus base at coefficient 1.0, rounded to ten thousand.
  const totalBase = employees.reduce((s, e) => s + e.bonus_base, 0);
  const settings: Record<string, PlainValue> = {
    cycle: t(CYCLE),
    period_start: date("2026-07-01"),
    period_end: date("2026-12-31"),
    as_of: date("2027-01-12"),
    stage_goals_due: date("2026-07-15"),
    stage_data_due: date("2027-01-08"),
    stage_review_due: date("2027-01-15"),
    stage_feedback_due: date("2027-01-22"),
    bonus_pool: Math.round(totalBase / 10000) * 10000,
  };

  return {
    settings,
    rows: {
      strategy,
      kpis,
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
