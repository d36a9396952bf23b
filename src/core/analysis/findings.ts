/**
 * Plain-language findings for the Analysis sheet and the Dashboard: a few sentences a
 * manager can read without the tables, in the workbook's language.
 */

import type { MessageLang } from "../messages";
import type { CompletionSummary, DepartmentCompletion } from "./completion";
import type { IncentiveCorrelation } from "./correlation";
import type { EfficiencyMetricSummary } from "./efficiency";
import type { Correlation } from "./stats";
import type { SurveyQuestionSummary } from "./survey";

/** The workbook's language, as the message catalogue names it. */
export type FindingsLang = MessageLang;

/** Any part may be left out; an empty array means "computed, but there was no data". */
export interface AnalysisResults {
  survey?: readonly SurveyQuestionSummary[];
  efficiency?: readonly EfficiencyMetricSummary[];
  correlation?: IncentiveCorrelation;
  completion?: CompletionSummary;
}

/** Fixed decimals without a "-0.0" for values that round to zero. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

/** Up to two decimals, trailing zeros dropped: 12 → "12", 12.345 → "12.35". */
function plain(value: number): string {
  return String(Number(fixed(value, 2)));
}

function percent(share: number): string {
  return `${fixed(share * 100, 0)}%`;
}

function signedPercent(change: number): string {
  const text = fixed(change * 100, 1);
  return `${Number(text) > 0 ? "+" : ""}${text}%`;
}

function surveySentence(q: SurveyQuestionSummary, zh: boolean): string {
  const subject = zh ? `满意度（${q.question}）` : `Satisfaction (${q.question})`;
  const { before, after, overall } = q;
  if (before.mean !== null && after.mean !== null) {
    const [from, to] = [fixed(before.mean, 1), fixed(after.mean, 1)];
    const n = before.n + after.n;
    // Compare the shown (rounded) values so a sentence never says "rose from 3.5 to 3.5".
    const diff = Number(to) - Number(from);
    if (zh) {
      if (diff === 0) return `${subject}保持 ${from} 不变（n=${n}）`;
      return `${subject}由 ${from} ${diff > 0 ? "升至" : "降至"} ${to}（n=${n}）`;
    }
    if (diff === 0) return `${subject} stayed at ${from} (n=${n})`;
    return `${subject} ${diff > 0 ? "rose" : "fell"} from ${from} to ${to} (n=${n})`;
  }
  if (before.suppressed || after.suppressed) {
    return zh
      ? `${subject}：激励前或激励后的答卷太少，不单独比较（激励前 n=${before.n}，激励后 n=${after.n}）`
      : `${subject}: too few answers before or after to compare (before n=${before.n}, after n=${after.n})`;
  }
  if (overall.mean !== null && overall.favourable !== null) {
    const [m, fav] = [fixed(overall.mean, 1), percent(overall.favourable)];
    return zh
      ? `${subject}：平均 ${m}，好评率 ${fav}（n=${overall.n}）`
      : `${subject}: mean ${m}, ${fav} favourable (n=${overall.n})`;
  }
  return zh
    ? `${subject}：答卷太少，不单独显示（n=${overall.n}）`
    : `${subject}: too few answers to show (n=${overall.n})`;
}

function efficiencySentence(m: EfficiencyMetricSummary, zh: boolean): string {
  const [from, to] = [plain(m.beforeMean), plain(m.afterMean)];
  // No percentage when the before mean is 0 (a change relative to nothing).
  const change = m.changeOfMeans === null ? null : signedPercent(m.changeOfMeans);
  if (zh) {
    const shown = change === null ? "" : `（${change}）`;
    return `效率（${m.metric}）：均值由 ${from} 变为 ${to}${shown}，${m.n} 人中 ${m.improved} 人改善`;
  }
  const shown = change === null ? "" : ` (${change})`;
  return `Efficiency (${m.metric}): mean ${from} → ${to}${shown}, ${m.improved} of ${m.n} people improved`;
}

/** Conventional reading of |r|: < 0.1 none, < 0.3 weak, < 0.5 moderate, else strong. */
function correlationStrength(r: number, zh: boolean): string {
  const size = Math.abs(r);
  if (size < 0.1) return zh ? "无明显相关" : "no clear relation";
  const strength = size < 0.3 ? ["weak", "弱"] : size < 0.5 ? ["moderate", "中等"] : ["strong", "强"];
  if (zh) return `${strength[1]}${r > 0 ? "正" : "负"}相关`;
  return `${strength[0]} ${r > 0 ? "positive" : "negative"}`;
}

/**
 * What a correlation says in words: its strength when r exists, otherwise why it could not
 * be computed. The findings sentence and the Analysis sheet's table share these words.
 *
 * @example correlationReading({ r: null, n: 2, reason: "too_few" }, "en-US")
 * // "fewer than 3 people with both figures"
 */
export function correlationReading(c: Correlation, lang: FindingsLang): string {
  const zh = lang === "zh-CN";
  if (c.r !== null) return correlationStrength(c.r, zh);
  if (c.reason === "zero_variance") {
    return zh
      ? "奖金/奖金基数或效率变化人人相同"
      : "bonus relative to base or efficiency change is the same for everyone";
  }
  return zh ? "两项数据齐全的人少于 3 人" : "fewer than 3 people with both figures";
}

function correlationSentence(c: IncentiveCorrelation, zh: boolean): string {
  const reading = correlationReading(c, zh ? "zh-CN" : "en-US");
  if (c.r !== null) {
    const r = fixed(c.r, 2);
    return zh
      ? `奖金/奖金基数与效率变化的相关系数 r = ${r}，${reading}（n=${c.n}）`
      : `Bonus relative to base vs efficiency change: r = ${r}, ${reading} (n=${c.n})`;
  }
  return zh
    ? `奖金与效率变化的相关性无法计算：${reading}（n=${c.n}）`
    : `Correlation of bonus and efficiency change not available: ${reading} (n=${c.n})`;
}

function completionSentences(summary: CompletionSummary, zh: boolean): string[] {
  const { overall } = summary;
  if (overall.completionRate === null)
    return [zh ? "没有可计算达成率的部门KPI" : "No department KPIs to measure completion"];
  const sentences = [
    zh
      ? `整体 KPI 达成率 ${percent(overall.completionRate)}（${overall.kpis} 项中 ${overall.met} 项达成）`
      : `Overall KPI completion: ${percent(overall.completionRate)} (${overall.met} of ${overall.kpis} KPIs met)`,
  ];
  const rated = summary.departments.filter((d): d is DepartmentCompletion & { completionRate: number } => {
    return d.completionRate !== null;
  });
  // With one department the lowest is the overall figure again.
  if (rated.length < 2) return sentences;
  const lowestRate = Math.min(...rated.map((d) => d.completionRate));
  const lowest = rated.filter((d) => d.completionRate === lowestRate);
  const names = lowest.map((d) => d.department).join(zh ? "、" : ", ");
  const detail = lowest.length === 1 ? lowest[0] : undefined;
  if (zh) {
    const counts = detail ? `（${detail.kpis} 项中 ${detail.met} 项达成）` : "";
    sentences.push(`KPI 达成率最低的部门：${names}，${percent(lowestRate)}${counts}`);
  } else {
    const counts = detail ? ` (${detail.met} of ${detail.kpis} KPIs met)` : "";
    sentences.push(`Lowest KPI completion: ${names}, ${percent(lowestRate)}${counts}`);
  }
  return sentences;
}

/**
 * Sentences in this order: survey (one per question), efficiency (one per metric), the
 * correlation, completion (overall, then the lowest department when there are several).
 *
 * @example findings({ survey: [fairness] }, "zh-CN") // ["满意度（公平性）由 3.2 升至 3.9（n=28）"]
 */
export function findings(results: AnalysisResults, lang: FindingsLang): string[] {
  const zh = lang === "zh-CN";
  const sentences: string[] = [];
  if (results.survey) {
    if (results.survey.length === 0) sentences.push(zh ? "没有满意度调查数据" : "No survey answers");
    else sentences.push(...results.survey.map((q) => surveySentence(q, zh)));
  }
  if (results.efficiency) {
    if (results.efficiency.length === 0) sentences.push(zh ? "没有效率对比数据" : "No efficiency data");
    else sentences.push(...results.efficiency.map((m) => efficiencySentence(m, zh)));
  }
  if (results.correlation) sentences.push(correlationSentence(results.correlation, zh));
  if (results.completion) sentences.push(...completionSentences(results.completion, zh));
  return sentences;
}
