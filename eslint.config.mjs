import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// Microsoft's add-in lint rules (Office.js usage, TypeScript, Prettier), applied to .ts and .tsx alike.
const [typescriptSet] = officeAddins.configs.recommended.filter((c) => c.files);
const reactPlugins = officeAddins.configs.react.find((c) => c.plugins && c.plugins.react);

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "bin/**", "scripts/**", "**/*.js", "**/*.mjs"] },
  ...officeAddins.configs.recommended.filter((c) => !c.files),
  {
    ...typescriptSet,
    files: ["**/*.{ts,tsx}"],
    languageOptions: { ...typescriptSet.languageOptions, parser: tsParser, ecmaVersion: "latest" },
  },
  {
    files: ["**/*.tsx"],
    plugins: reactPlugins.plugins,
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "18" } },
    rules: { "react/jsx-uses-vars": "error", "react/jsx-uses-react": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // TypeScript already checks names; the core rule does not know type-only globals.
      "no-undef": "off",
    },
  },
  {
    // The Office.js rules read any `.getCell(...)` as an Office proxy; exceljs code in the file
    // host's tests is not one. The Office host's own tests keep them.
    files: ["test/**/*.ts"],
    ignores: ["test/hosts/office/**"],
    rules: Object.fromEntries(
      Object.keys(typescriptSet.rules).filter((r) => r.startsWith("office-addins/")).map((r) => [r, "off"]),
    ),
  },
];
