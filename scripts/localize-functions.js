/* eslint-disable */
// Makes the zh-CN custom-functions metadata from the generated en-US functions.json: same ids,
// names and parameters, descriptions taken from the function registry (src/functions), which
// holds every function's texts in both languages. Needs `npm run build:node` first.
const path = require("path");

function loadRegistry() {
  const file = path.join(__dirname, "..", "build", "node", "functions", "registry.js");
  try {
    return require(file).FUNCTIONS;
  } catch (e) {
    throw new Error(`localize-functions: ${file} is missing; run \`npm run build:node\` first (${e.message})`);
  }
}

function localizeFunctionsMetadata(metadata, lang) {
  const key = lang === "zh-CN" ? "zh" : "en";
  const byName = new Map(loadRegistry().map((f) => [f.name.toUpperCase(), f]));
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const def = byName.get(String(fn.id).toUpperCase());
      if (!def) throw new Error(`localize-functions: ${fn.id} is not in the function registry`);
      return {
        ...fn,
        description: def.description[key],
        parameters: fn.parameters.map((p) => {
          const param = def.params.find((q) => q.name === p.name);
          if (!param) throw new Error(`localize-functions: ${fn.id} has no parameter ${p.name} in the registry`);
          return { ...p, description: param.description[key] };
        }),
      };
    }),
  };
}

module.exports = { localizeFunctionsMetadata };
