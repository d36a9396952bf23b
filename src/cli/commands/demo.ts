/**
 * `perfsheet demo [-o OUT.xlsx] [--lang zh-CN|en-US]`: the bundled sample department in,
 * the full review workbook out — the first thing a new user runs.
 */
import { writePlanToXlsx } from "../../hosts/file/render-xlsx";
import { sampleData } from "../../workbook/sample";
import { templatePlan } from "../../workbook/template";
import type { Lang } from "../../workbook/schema";
import { parseCommandArgs, UsageError, type CliCommand } from "../io";
import { runToFiles } from "./run";

const USAGE =
  "demo [-o OUT.xlsx] [--json SUMMARY.json] [--lang zh-CN|en-US]  review the bundled sample department";

export const demoCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseCommandArgs(args, {
        output: { type: "string", short: "o" },
        json: { type: "string" },
        lang: { type: "string" },
        today: { type: "string" },
      });
      if (parsed.positionals.length) throw new UsageError(`unexpected ${parsed.positionals[0]}`);
      const lang = parsed.values.lang;
      if (lang !== undefined && lang !== "zh-CN" && lang !== "en-US")
        throw new UsageError("--lang is zh-CN or en-US");
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(`perfsheet demo: ${e.message}\nUsage: perfsheet ${USAGE}`);
      return 2;
    }
    const lang = (parsed.values.lang ?? "en-US") as Lang;
    const out = parsed.values.output ?? "perfsheet-demo.xlsx";
    const input = await writePlanToXlsx(templatePlan(lang, sampleData(lang)));
    return runToFiles(input, out, parsed.values.json, io, { lang, today: parsed.values.today });
  },
};
