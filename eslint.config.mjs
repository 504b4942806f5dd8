// Lint for the program, its tools and tests. The policy pack has its own package; it is linted
// from here too so one command covers the repository.
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "dist/**", "policy-pack/bin/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  {
    // SDK internals are reached through one module, so an SDK upgrade fails in one named place.
    ignores: ["offline-preview/pulumi-sdk-internals.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@pulumi/pulumi/*"], message: "reach @pulumi/pulumi internals through offline-preview/pulumi-sdk-internals.ts" },
          ],
        },
      ],
    },
  },
);
