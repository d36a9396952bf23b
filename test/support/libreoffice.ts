/**
 * LibreOffice as a test oracle: convert files headless with a private profile that makes
 * Calc recalculate every formula on load (so cached results written by exceljs, right or
 * wrong, never leak into the output). Tests that need it call `libreOfficeOrSkip()`: absent
 * LibreOffice skips them with a notice, except in CI where it is a failure.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, accessSync, constants } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

export type ConvertFormat = "xlsx" | "pdf" | "csv";

/** One conversion may not take longer than this (a cold start of soffice takes a few seconds). */
const CONVERT_TIMEOUT_MS = 180_000;

const WELL_KNOWN_PATHS = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

let sofficePath: string | null | undefined;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice binary: $SOFFICE if set, else the first on PATH, else a well-known install path. */
function findSoffice(): string | null {
  if (sofficePath !== undefined) return sofficePath;
  const candidates = [
    ...(process.env.SOFFICE ? [process.env.SOFFICE] : []),
    ...(process.env.PATH ?? "")
      .split(delimiter)
      .filter(Boolean)
      .flatMap((dir) => [join(dir, "soffice"), join(dir, "soffice.exe")]),
    ...WELL_KNOWN_PATHS,
  ];
  sofficePath = candidates.find((p) => existsSync(p) && isExecutable(p)) ?? null;
  return sofficePath;
}

export function hasLibreOffice(): boolean {
  return findSoffice() !== null;
}

/**
 * True when LibreOffice is available. When it is not: throws in CI (the oracle tests must
 * run there), otherwise prints a notice and returns false so the caller can skip.
 *
 * @example describe.skipIf(!libreOfficeOrSkip())("native formulas", () => { ... })
 */
export function libreOfficeOrSkip(): boolean {
  if (hasLibreOffice()) return true;
  if (process.env.CI === "true") {
    throw new Error("LibreOffice (soffice) is required in CI but was not found on PATH");
  }
  console.warn("NOTICE: LibreOffice (soffice) not found; skipping tests that need it.");
  return false;
}

/** Registry settings: always recalculate OOXML and ODF files on load, never ask. */
const RECALC_ON_LOAD_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profileDir: string | undefined;

/** A profile private to this process, so parallel test workers never share a lock. */
function privateProfile(): string {
  if (profileDir) return profileDir;
  const dir = mkdtempSync(join(tmpdir(), "perfsheet-lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(join(dir, "user", "registrymodifications.xcu"), RECALC_ON_LOAD_XCU);
  profileDir = dir;
  return dir;
}

/** One soffice at a time per profile: a second instance on the same profile would fail. */
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function runSoffice(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const soffice = findSoffice();
  if (!soffice) return Promise.reject(new Error("LibreOffice (soffice) not found"));
  return new Promise((resolvePromise, reject) => {
    // Own process group, so a timeout can end soffice.bin too, not only the launcher script.
    const child = spawn(soffice, args, {
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // already gone
      }
      reject(new Error(`soffice timed out after ${CONVERT_TIMEOUT_MS} ms\n${stderr}`));
    }, CONVERT_TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new Error(`soffice exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
}

/**
 * Converts `inputPath` to `format` in `outDir` with LibreOffice, recalculating all formulas on
 * load, and returns the output path (`outDir/<input name>.<format>`).
 */
export function convertWithLibreOffice(
  inputPath: string,
  format: ConvertFormat,
  outDir: string,
): Promise<string> {
  const input = resolve(inputPath);
  const dir = resolve(outDir);
  const output = join(dir, `${basename(input, extname(input))}.${format}`);
  if (output === input) {
    return Promise.reject(new Error(`converting ${input} into its own directory would overwrite it`));
  }
  mkdirSync(dir, { recursive: true });
  return serialised(async () => {
    const profile = pathToFileURL(privateProfile()).href;
    const { stdout, stderr } = await runSoffice([
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--nodefault",
      "--convert-to",
      format,
      "--outdir",
      dir,
      input,
    ]);
    if (!existsSync(output)) {
      throw new Error(`soffice produced no ${output}\n${stdout}\n${stderr}`);
    }
    return output;
  });
}

/**
 * Recalculates an .xlsx with LibreOffice and loads the result with exceljs; formula cells then
 * carry LibreOffice's value in `cell.result`. Read `cell.result`, not `cell.value.result`:
 * exceljs's `cell.value` copy drops falsy results (0, false, "").
 */
export async function recalcXlsx(inputPath: string): Promise<ExcelJS.Workbook> {
  const outDir = mkdtempSync(join(tmpdir(), "perfsheet-lo-out-"));
  const output = await convertWithLibreOffice(inputPath, "xlsx", outDir);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  return workbook;
}
