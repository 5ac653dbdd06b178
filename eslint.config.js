import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Which way imports may point (docs/decisions/008-layout-by-area.md). Relative paths are matched
// with regexes because a file's depth varies; "~/" is the app alias.
const AREAS = "editions|applications|nominations|jury|results|accounts";
const arrows = {
  app: {
    regex: "^(\\.\\./)+(scripts|tests)(/|$)",
    message: "app/ never imports from scripts/ or tests/: move what it needs into app/.",
  },
  forms: {
    regex: "(^|/)components(/|$)",
    message: "A form imports no component: move what both need into forms/ or domain/.",
  },
  components: {
    regex: "(^|/)(models|server|db)(/|$)|\\.server$",
    message:
      "A component imports no model, database or server code: take a type from domain/ and the data from the route's loader.",
  },
  kernel: {
    regex: `^((\\.\\./)+|~/)(${AREAS}|routes)(/|$)`,
    message: "kernel/ imports no area and no route: move the thing into kernel/ or pass it in from the area.",
  },
};
const multipart = {
  name: "@remix-run/node",
  importNames: ["unstable_parseMultipartFormData"],
  message: "Use readForm/readFormBody from app/kernel/forms/validate.server.ts.",
};
const appImports = (...kinds) => ({
  "no-restricted-imports": ["error", { paths: [multipart], patterns: ["app", ...kinds].map((k) => arrows[k]) }],
});

const noLeftovers = [
  { selector: "CallExpression[callee.property.name='only']", message: "No .only left behind." },
  { selector: "CallExpression[callee.property.name='skip']", message: "No .skip left behind." },
];

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      ".cache/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    // Habits: Prettier formats (printWidth 120, checked by \`npm run lint\`); these keep files
    // readable in one sitting. Strings, templates and URLs may run longer: breaking a sentence
    // or an SQL statement to fit would make it harder to read, not easier.
    ignores: ["app/kernel/i18n/**"],
    rules: {
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      "max-lines": ["error", { max: 600 }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", ...noLeftovers],
    },
  },
  {
    files: ["app/**/*.tsx", "app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // A body read any other way answers a malformed post with a 500 (undici throws on it).
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/kernel/forms/validate.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...noLeftovers,
        {
          selector: "CallExpression[callee.property.name='formData']",
          message:
            "Read form posts with readForm(request) from app/kernel/forms/validate.server.ts (415/413/400, never a 500).",
        },
        {
          selector: "CallExpression[callee.name=/^unstable_parse(Multipart)?FormData$/]",
          message:
            "Read form posts with readForm(request) from app/kernel/forms/validate.server.ts (415/413/400, never a 500).",
        },
      ],
    },
  },
  // Later blocks replace the rule for the files they match, so each carries the whole list.
  { files: ["app/**/*.ts", "app/**/*.tsx"], rules: appImports() },
  { files: ["app/*/forms/**"], rules: appImports("forms") },
  { files: ["app/*/components/**"], rules: appImports("components") },
  { files: ["app/kernel/**"], rules: appImports("kernel") },
  { files: ["app/kernel/forms/**"], rules: appImports("kernel", "forms") },
  { files: ["app/kernel/components/**"], rules: appImports("kernel", "components") },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^((\\.\\./)+(app|scripts|tests)(/|$)|~/)",
              message: "db/ is the schema and the connection: it imports nothing from app/, scripts/ or tests/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scoring/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(\\.\\./|~/)", message: "scoring/ is pure: it imports nothing outside scoring/." },
            {
              group: [
                "node:*",
                "fs",
                "fs/*",
                "path",
                "os",
                "child_process",
                "better-sqlite3",
                "drizzle-orm",
                "drizzle-orm/*",
              ],
              message: "scoring/ does no I/O.",
            },
          ],
        },
      ],
    },
  },
);
