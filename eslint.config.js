// ESLint checks what Prettier and tsc do not: imports in one order, and no import cycles (type
// imports count: a cycle of types still ties two layers together). Unused exports and files are
// knip's job (knip.json). Run by `npm test` and `npm run lint`.
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

export default [
  {
    ignores: ["dist*/**", "node_modules/**", ".cache/**", ".astro/**", "bench-out/**", "test-results/**"],
  },
  {
    files: ["**/*.ts", "**/*.mjs", "**/*.js"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { "import-x": importX },
    settings: {
      // Astro's virtual modules have no file to resolve.
      "import-x/core-modules": ["astro:content"],
    },
    rules: {
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/first": "error",
      "import-x/no-duplicates": "error",
    },
  },
];
