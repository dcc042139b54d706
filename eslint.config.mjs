import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "out/**", "test-results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-office-initialize": "error",
    },
  },
  {
    files: ["src/core/**/*.ts", "src/host/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "@fluentui/*", "exceljs", "fflate", "office-js", "@microsoft/*", "node:*"], message: "src/core is pure TypeScript: no Office, React, exceljs or Node." },
            { group: ["fs", "path", "os", "child_process", "worker_threads", "stream", "zlib", "crypto", "util"], message: "src/core must not use Node built-ins." },
            { group: ["../excel/*", "../taskpane/*", "../cli/*", "../../excel/*", "../../taskpane/*", "../../cli/*"], message: "src/core must not depend on a front end." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "scripts/**"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
