import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/*
 * The layer boundaries (docs/ARCHITECTURE.md, "pure core, thin shell"), as import bans per folder. In a flat config
 * the last matching block's options replace earlier ones, so each narrower block repeats the wider bans
 * (FRAMEWORK). Each ban is written for the `@/` alias and for relative paths from outside and inside lib/
 * (`**` matches any `../`). scripts/eslint-boundaries.test.ts shows every ban firing on a fixture string.
 */
const ban = (paths, message) => ({
  group: paths.flatMap((p) => [`@/${p}`, `**/${p}`, `**/${p.replace(/^lib\//, "")}`]),
  message,
});

/** lib/ is framework-free: no React, no Next. */
const FRAMEWORK = {
  group: ["react", "react/*", "react-dom", "react-dom/*", "next", "next/*"],
  message: "lib/ is framework-free: React and Next belong in components/ and app/.",
};
/**
 * The lib/ modules allowed to import React or Next (thin shells a route or component needs). None today: the
 * proxy, the instrumentation hook and the pages import from lib/, never the other way round. Add a file here (with
 * the reason) rather than disabling the rule in it.
 */
const LIB_SHELLS = [];

/** What reads the network, the disk or the environment: routes and pages call it, never a component. */
const IO_LOADERS = ban(
  [
    "lib/discovery/load",
    "lib/discovery/sources/*",
    "lib/search/load",
    "lib/search/serve-encoded-index",
    "lib/auth/server-config",
    "lib/auth/auth-post",
  ],
  "Components get data as props: call loaders (lib/discovery/load, sources, lib/search/load, server config) in the page or route and pass the result down.",
);
/** Where documents come from: codegen works on a model it is given, whatever the source. */
const SOURCES = ban(
  ["lib/discovery/sources/*", "lib/discovery/load"],
  "lib/codegen works on the model it is given: it may not import a Discovery source or the loader.",
);

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".venv/**",
      ".cache/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "testing/migrate-corpus/legacy/**",
      "testing/migrate-corpus/current/**",
    ],
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: LIB_SHELLS,
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [FRAMEWORK] }],
    },
  },
  {
    files: ["lib/codegen/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [FRAMEWORK, SOURCES] }],
    },
  },
  {
    // A type (SourceInfo, the shape a page passes down) is not a call: type-only imports stay allowed.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ ...IO_LOADERS, allowTypeImports: true }] },
      ],
    },
  },
];

export default config;
