/**
 * `perfsheet init FILE [--lang zh-CN|en-US] [--sample] [--force]` (SPEC §9): writes the input
 * template, empty or filled with the sample department. The language defaults to zh-CN when
 * the system locale is Chinese (LC_ALL, LC_MESSAGES, LANG, then the runtime's locale), else
 * en-US. An existing FILE is never overwritten without --force. Exit 0 ok, 1 when the file
 * exists or cannot be written, 2 for bad usage.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { writePlanToXlsx } from "../../hosts/file/render-xlsx";
import { sampleData } from "../../workbook/sample";
import type { Lang } from "../../workbook/schema";
import { templatePlan } from "../../workbook/template";
import type { CliCommand, CliIo } from "../io";

const USAGE =
  "init FILE [--lang zh-CN|en-US] [--sample] [--force]  write an input template (--sample: filled in)";

function usage(io: CliIo, text: string): number {
  io.err(`perfsheet init: ${text}\nUsage: perfsheet ${USAGE}`);
  return 2;
}

/** `zh`, `zh-cn`, `zh_CN` … -> zh-CN; `en…` -> en-US; anything else is not a language we write. */
export function parseLang(text: string): Lang | undefined {
  const word = text.trim().toLowerCase();
  if (/^zh([-_].*)?$/.test(word)) return "zh-CN";
  if (/^en([-_].*)?$/.test(word)) return "en-US";
  return undefined;
}

/**
 * The language of the system: the first locale variable set (POSIX order of precedence),
 * else the runtime's locale; zh-CN when it is Chinese, else en-US.
 *
 * @example systemLang({ LANG: "zh_CN.UTF-8" }) // "zh-CN"
 */
export function systemLang(env: NodeJS.ProcessEnv = process.env, runtimeLocale?: string): Lang {
  const fromEnv = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  const locale = fromEnv ?? runtimeLocale ?? Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

interface InitArgs {
  file: string;
  lang?: Lang;
  sample: boolean;
  force: boolean;
}

function parseArgs(args: string[]): InitArgs | string {
  const files: string[] = [];
  let lang: Lang | undefined;
  let sample = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--sample") sample = true;
    else if (arg === "--force") force = true;
    else if (arg === "--lang" || arg.startsWith("--lang=")) {
      const value = arg === "--lang" ? args[++i] : arg.slice("--lang=".length);
      if (value === undefined) return "--lang needs a value (zh-CN or en-US)";
      lang = parseLang(value);
      if (!lang) return `unknown language "${value}" (use zh-CN or en-US)`;
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length !== 1) return files.length === 0 ? "FILE is missing" : "give one FILE";
  return { file: files[0], lang, sample, force };
}

export const initCommand: CliCommand = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args);
    if (typeof parsed === "string") return usage(io, parsed);
    const { file, sample, force } = parsed;
    const lang = parsed.lang ?? systemLang();
    if (existsSync(file) && !force) {
      io.err(
        lang === "zh-CN"
          ? `perfsheet init: ${file} 已存在，未覆盖（如需覆盖请加 --force）`
          : `perfsheet init: ${file} already exists; not overwritten (use --force to replace it)`,
      );
      return 1;
    }
    try {
      await writeFile(file, await writePlanToXlsx(templatePlan(lang, sample ? sampleData(lang) : undefined)));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      io.err(`perfsheet init: ${lang === "zh-CN" ? "无法写入" : "cannot write"} ${file}: ${reason}`);
      return 1;
    }
    io.out(
      lang === "zh-CN"
        ? `已生成 ${file}（${sample ? "含示例数据" : "空白模板"}）。填写后运行 perfsheet validate ${file} 检查。`
        : `Wrote ${file} (${sample ? "with sample data" : "empty template"}). Fill it in, then check it with perfsheet validate ${file}.`,
    );
    return 0;
  },
};
