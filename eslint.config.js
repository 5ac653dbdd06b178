import tseslint from "typescript-eslint";

const noLeftovers = [
  { selector: "CallExpression[callee.property.name='only']", message: "No .only left behind." },
  { selector: "CallExpression[callee.property.name='skip']", message: "No .skip left behind." },
];

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", ".cache/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", ...noLeftovers],
    },
  },
  {
    // A body read any other way answers a malformed post with a 500 (undici throws on it).
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/kernel/forms/validate.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...noLeftovers,
        { selector: "CallExpression[callee.property.name='formData']", message: "Read form posts with readForm(request) from app/kernel/forms/validate.server.ts (415/413/400, never a 500)." },
        { selector: "CallExpression[callee.name=/^unstable_parse(Multipart)?FormData$/]", message: "Read form posts with readForm(request) from app/kernel/forms/validate.server.ts (415/413/400, never a 500)." },
      ],
      "no-restricted-imports": ["error", { paths: [{ name: "@remix-run/node", importNames: ["unstable_parseMultipartFormData"], message: "Use readForm/readFormBody from app/kernel/forms/validate.server.ts." }] }],
    },
  },
  {
    files: ["scoring/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["~/*", "../app/*", "../db/*", "node:*", "fs", "path"] }],
    },
  },
);
