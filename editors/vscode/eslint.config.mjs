// Lint for `npm run lint`: typescript-eslint's type-aware rules (a floating promise is a bug in an extension
// host: an unhandled rejection there is silent), plus the rule that keeps src/client free of the vscode API.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["out/**", "node_modules/**", "*.vsix", "eslint.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      "@typescript-eslint/no-floating-promises": ["error", { allowForKnownSafeCalls: [{ from: "package", name: ["describe", "it"], package: "node:test" }] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/explicit-module-boundary-types": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "error",
    },
  },
  {
    // Everything below the thin layer runs (and is tested) without VS Code.
    files: ["src/client/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: ["vscode"], patterns: ["../extension/*"] }] },
  },
  {
    files: ["tools/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    // The stand-in vscode module mirrors the API's shapes; spelling out each return type would only repeat them.
    files: ["test/support/fake*.ts"],
    rules: { "@typescript-eslint/explicit-module-boundary-types": "off" },
  },
);
