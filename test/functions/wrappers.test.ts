import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTIONS } from "../../src/functions/registry";

const WRAPPERS = join(__dirname, "../../src/functions/functions.ts");

interface JsDocFunction {
  name: string;
  description: string;
  params: { name: string; optional: boolean; description: string }[];
}

/** The @customfunction blocks of functions.ts, read the way the metadata tool reads them. */
function readJsDoc(source: string): JsDocFunction[] {
  const blocks = [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)].map((m) =>
    m[1]
      .split("\n")
      .map((line) => line.replace(/^\s*\*\s?/, "").trimEnd())
      .filter((line) => line !== ""),
  );
  return blocks
    .filter((lines) => lines.some((l) => l.startsWith("@customfunction")))
    .map((lines) => {
      const tagAt = lines.findIndex((l) => l.startsWith("@"));
      const name = /@customfunction\s+(\S+)/.exec(lines.join("\n"))![1];
      const params = lines
        .filter((l) => l.startsWith("@param"))
        .map((l) => {
          const m = /^@param\s+(?:\{[^}]*\}\s+)?(\[?)(\w+)\]?\s+(.*)$/.exec(l)!;
          return { name: m[2], optional: m[1] === "[", description: m[3] };
        });
      return { name, description: lines.slice(0, tagAt).join(" "), params };
    });
}

describe("functions.ts wrappers match the registry", () => {
  const wrappers = readJsDoc(readFileSync(WRAPPERS, "utf8"));

  it("wraps every PERF function, and nothing else", () => {
    expect(wrappers.map((w) => w.name).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });

  for (const def of FUNCTIONS) {
    it(`${def.name}: same description and parameters`, () => {
      const wrapper = wrappers.find((w) => w.name === def.name);
      expect(wrapper).toBeDefined();
      expect(wrapper!.description).toBe(def.description.en);
      expect(wrapper!.params).toEqual(
        def.params.map((p) => ({ name: p.name, optional: !!p.optional, description: p.description.en })),
      );
    });
  }

  it("associates every function with its id", async () => {
    // The webpack plugin appends one CustomFunctions.associate per @customfunction it finds.
    const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
    const generated = await generateCustomFunctionsMetadata(WRAPPERS, true);
    const ids = (generated.associate as { id: string; functionName: string }[]).map((a) => a.id).sort();
    expect(ids).toEqual(FUNCTIONS.map((d) => d.name).sort());
  });

  it("gives custom-functions-metadata the same names, ranges, optionality and spills", async () => {
    // The tool the webpack plugin runs: what Excel will actually be told.
    const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
    const generated = await generateCustomFunctionsMetadata(WRAPPERS, false);
    expect(generated.errors).toEqual([]);
    const metadata = JSON.parse(generated.metadataJson) as {
      functions: {
        id: string;
        description: string;
        parameters: { name: string; optional?: boolean; dimensionality?: string }[];
        result: { dimensionality?: string };
      }[];
    };
    for (const def of FUNCTIONS) {
      const fn = metadata.functions.find((f) => f.id === def.name)!;
      expect(fn.description).toBe(def.description.en);
      expect(fn.parameters.map((p) => p.name)).toEqual(def.params.map((p) => p.name));
      expect(fn.parameters.map((p) => !!p.optional)).toEqual(def.params.map((p) => !!p.optional));
      expect(
        fn.parameters.map((p) => p.dimensionality === "matrix"),
        def.name,
      ).toEqual(def.params.map((p) => !!p.range));
      expect(fn.result.dimensionality === "matrix", def.name).toBe(def.spills);
    }
  }, 60_000);
});
