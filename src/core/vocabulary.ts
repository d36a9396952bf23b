/**
 * The words users type for enumerated values, in English and Chinese, and the one
 * normalisation used to compare any typed name (headers, sheet names, values):
 * case-, space- and width-insensitive, so `ＴＡＲＧＥＴ `, `target` and `Target` match.
 */

/** NFKC folds full-width letters and digits to ASCII; then lower case without white space. */
export function normalizeWord(text: string): string {
  let word = normalizedWords.get(text);
  if (word === undefined) {
    word = text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s_-]+/g, "");
    if (normalizedWords.size >= NORMALIZED_WORDS_KEPT) normalizedWords.clear();
    normalizedWords.set(text, word);
  }
  return word;
}

/**
 * Words already normalised, by the text typed: a workbook repeats a few words (departments,
 * skills, relationships, headers) in thousands of rows. Bounded, since texts are user input.
 */
const normalizedWords = new Map<string, string>();
const NORMALIZED_WORDS_KEPT = 10_000;

export const DIRECTIONS = ["higher", "lower", "binary"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const AGGREGATIONS = ["sum", "average"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const RELATIONSHIPS = ["self", "manager", "peer", "subordinate", "customer"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const DATA_SOURCES = ["business", "finance", "customer"] as const;
export const TASK_SOURCES = ["strategy", "kpi", "adhoc", "cross-dept"] as const;
export const SURVEY_PERIODS = ["before", "after"] as const;
export const GRADE_MODES = ["threshold", "forced"] as const;
export const FORCED_GROUPS = ["department", "all"] as const;
export const MISSING_ACTUAL = ["error", "zero", "exclude"] as const;

/**
 * Other words accepted for each canonical value. The first Chinese word is the one
 * the zh-CN template writes.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  higher: ["正向", "越大越好", "高", "up", "max", "higherisbetter"],
  lower: ["反向", "越小越好", "低", "down", "min", "lowerisbetter"],
  binary: ["是否", "二元", "达成", "yes/no", "yesno"],
  sum: ["求和", "合计", "汇总", "total"],
  average: ["平均", "均值", "avg", "mean"],
  self: ["本人", "自评", "自己"],
  manager: ["上级", "主管", "经理"],
  peer: ["同事", "同级", "平级"],
  subordinate: ["下级", "下属"],
  customer: ["客户"],
  business: ["业务", "业务数据"],
  finance: ["财务", "财务数据"],
  strategy: ["战略", "战略任务"],
  kpi: ["指标", "kpi任务"],
  adhoc: ["临时", "临时任务"],
  "cross-dept": ["跨部门", "跨部门协作", "crossdept"],
  before: ["激励前", "前"],
  after: ["激励后", "后"],
  threshold: ["分数线", "阈值"],
  forced: ["强制分布", "强制"],
  department: ["部门", "按部门"],
  all: ["全体", "全部"],
  error: ["报错", "错误"],
  zero: ["零分", "按零分", "0"],
  exclude: ["不计入", "排除"],
};

/**
 * Reads a typed word as one of `values`, or returns undefined. Chinese customer (客户)
 * is both a relationship and a data source; the caller's `values` decides which.
 */
export function matchWord<T extends string>(text: string, values: readonly T[]): T | undefined {
  return wordsOf(values).get(normalizeWord(text)) as T | undefined;
}

/** Per list of values, each accepted word (normalised) → the first value in the list it names. */
const wordTables = new WeakMap<readonly string[], Map<string, string>>();

function wordsOf(values: readonly string[]): Map<string, string> {
  let table = wordTables.get(values);
  if (table === undefined) {
    table = new Map();
    for (const value of values) {
      for (const word of [value, ...(SYNONYMS[value] ?? [])]) {
        const key = normalizeWord(word);
        if (!table.has(key)) table.set(key, value);
      }
    }
    wordTables.set(values, table);
  }
  return table;
}

/** The word a template in `lang` writes for a canonical value. */
export function localWord(value: string, lang: "en-US" | "zh-CN"): string {
  if (lang === "en-US") return value;
  return SYNONYMS[value]?.[0] ?? value;
}
