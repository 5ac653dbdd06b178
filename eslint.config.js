import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", ".cache/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='only']", message: "No .only left behind." },
        { selector: "CallExpression[callee.property.name='skip']", message: "No .skip left behind." },
      ],
    },
  },
  {
    files: ["scoring/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["~/*", "../app/*", "../db/*", "node:*", "fs", "path"] }],
    },
  },
);
