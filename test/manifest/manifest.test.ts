/**
 * Local checks of manifest.xml and the build output it points at. (`npm run validate` posts the
 * manifest to Microsoft's online validator, which cannot be reached here; these checks cover what
 * breaks sideloading most often.) Needs `npm run build` first, as `npm test` does.
 */
import { describe, it, expect } from "vitest";
import { readFileSync, existsSync } from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const root = path.resolve(__dirname, "..", "..");
const dist = path.join(root, "dist");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const BASE = "https://localhost:3000/";

/** Every element of the parsed manifest, depth first, with its tag name. */
function* walk(node: unknown, tag = ""): Generator<{ tag: string; node: Record<string, unknown> }> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, tag);
  } else if (node && typeof node === "object") {
    yield { tag, node: node as Record<string, unknown> };
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@_")) yield* walk(v, k);
  }
}

const parsed = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  // Every element as a list, so one and many read alike; attributes stay plain values.
  isArray: (_name: string, _path: string, _leaf: boolean, isAttribute: boolean) => !isAttribute,
}).parse(xml);
const elements = [...walk(parsed)];
const resources = new Map<string, { tag: string; value: string; overrides: string[] }>();
for (const { tag, node } of elements) {
  if (["Image", "Url", "String"].includes(tag) && typeof node["@_id"] === "string") {
    const overrides = ((node["Override"] as Record<string, string>[] | undefined) ?? []).map(
      (o) => o["@_Value"],
    );
    resources.set(node["@_id"] as string, { tag, value: node["@_DefaultValue"] as string, overrides });
  }
}
const resids = elements.filter((e) => typeof e.node["@_resid"] === "string");

function residOf(tag: string, parentTag?: string): string[] {
  const out: string[] = [];
  for (const { tag: t, node } of elements) {
    if (parentTag && t !== parentTag) continue;
    const children = parentTag ? ((node[tag] as Record<string, unknown>[] | undefined) ?? []) : [];
    for (const c of children) {
      const loc =
        (c["SourceLocation"] as Record<string, string>[] | undefined)?.[0]?.["@_resid"] ?? c["@_resid"];
      if (typeof loc === "string") out.push(loc);
    }
  }
  return out;
}

function distFileOf(url: string): string {
  expect(url.startsWith(BASE), `${url} is served from the dev server root`).toBe(true);
  return path.join(dist, url.slice(BASE.length));
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("resolves every resid to a resource of the right kind", () => {
    expect(resids.length).toBeGreaterThan(10);
    for (const { tag, node } of resids) {
      const id = node["@_resid"] as string;
      expect(resources.has(id), `resid ${id} (on <${tag}>) is defined`).toBe(true);
    }
  });

  it("uses one shared runtime for the pane, the commands and the functions", () => {
    const runtime = residOf("Runtime", "Runtimes");
    expect(runtime).toHaveLength(1);
    const page = residOf("Page", "ExtensionPoint");
    const functionFile = residOf("FunctionFile", "DesktopFormFactor");
    const paneActions = elements
      .filter((e) => e.tag === "Action" && e.node["@_type"] === "ShowTaskpane")
      .map((e) => (e.node["SourceLocation"] as Record<string, string>[])[0]["@_resid"]);
    expect(page).toEqual(runtime);
    expect(functionFile).toEqual(runtime);
    expect(paneActions.length).toBeGreaterThan(0);
    for (const a of paneActions) expect(a).toBe(runtime[0]);
    const lifetime = elements.find((e) => e.tag === "Runtime")!.node["@_lifetime"];
    expect(lifetime).toBe("long");
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
  });

  it("declares the PERF namespace for the custom functions", () => {
    const ns = elements.find((e) => e.tag === "Namespace")!.node["@_resid"] as string;
    expect(resources.get(ns)?.value).toBe("PERF");
  });

  it("points every URL at a file the build produced", () => {
    expect(existsSync(dist), "dist/ exists: run `npm run build` first").toBe(true);
    for (const [id, r] of resources) {
      if (r.tag === "String") continue;
      for (const url of [r.value, ...r.overrides]) {
        expect(existsSync(distFileOf(url)), `${id}: ${url} is in dist/`).toBe(true);
      }
    }
    for (const tag of ["IconUrl", "HighResolutionIconUrl", "SourceLocation", "SupportUrl"]) {
      for (const { node } of elements.filter((e) => e.tag === tag && e.node["@_DefaultValue"])) {
        expect(existsSync(distFileOf(node["@_DefaultValue"] as string)), `${tag} is in dist/`).toBe(true);
      }
    }
  });

  it("ships functions.json and its zh-CN twin with all ten PERF functions described", () => {
    const names = [
      "SCORE",
      "WEIGHTED",
      "FEEDBACK",
      "FINAL",
      "GRADE",
      "DISTRIBUTE",
      "BONUS",
      "ALLOCATE",
      "QUADRANT",
      "COMPLETION",
    ];
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const meta = JSON.parse(readFileSync(path.join(dist, file), "utf8")) as {
        functions: {
          id: string;
          name: string;
          description: string;
          parameters: { description?: string }[];
        }[];
      };
      expect(meta.functions.map((f) => f.id).sort()).toEqual([...names].sort());
      for (const f of meta.functions) {
        expect(f.description, `${file} ${f.id} description`).toBeTruthy();
        for (const p of f.parameters) expect(p.description, `${file} ${f.id} parameter`).toBeTruthy();
      }
    }
    const zh = JSON.parse(readFileSync(path.join(dist, "functions.zh-CN.json"), "utf8"));
    expect(zh.functions.every((f: { description: string }) => /[\u4e00-\u9fff]/.test(f.description))).toBe(
      true,
    );
  });

  it("loads the functions script in the shared-runtime page", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    for (const chunk of ["functions.js", "commands.js", "taskpane.js"]) expect(html).toContain(chunk);
  });
});
