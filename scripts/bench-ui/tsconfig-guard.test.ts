import { describe, expect, it } from "vitest";

import { isOnlyNextIncludeRewrite } from "./tsconfig-guard";

const BEFORE = `{
  "compilerOptions": { "strict": true, "plugins": [{ "name": "next" }], "paths": { "@/*": ["./*"] } },
  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts", ".next/dev/types/**/*.ts"],
  "exclude": ["node_modules", ".venv"]
}
`;

/** What `next build` with NEXT_DIST_DIR=.next-bench wrote (reformatted, two dist folders added). */
const AFTER_NEXT = `{
  "compilerOptions": {
    "strict": true,
    "plugins": [
      {
        "name": "next"
      }
    ],
    "paths": {
      "@/*": [
        "./*"
      ]
    }
  },
  "include": [
    "next-env.d.ts",
    "**/*.ts",
    "**/*.tsx",
    ".next/types/**/*.ts",
    ".next/dev/types/**/*.ts",
    ".next-ui/types/**/*.ts",
    ".next-ui/dev/types/**/*.ts",
    ".next-bench/types/**/*.ts",
    ".next-bench/dev/types/**/*.ts"
  ],
  "exclude": [
    "node_modules",
    ".venv"
  ]
}
`;

describe("isOnlyNextIncludeRewrite", () => {
  it("recognises Next.js adding its type folders, whatever the formatting", () => {
    expect(isOnlyNextIncludeRewrite(BEFORE, AFTER_NEXT)).toBe(true);
  });

  it("is false when nothing changed", () => {
    expect(isOnlyNextIncludeRewrite(BEFORE, BEFORE)).toBe(false);
  });

  it("leaves any other edit alone", () => {
    const option = AFTER_NEXT.replace('"strict": true', '"strict": false');
    expect(isOnlyNextIncludeRewrite(BEFORE, option)).toBe(false);
    const otherInclude = AFTER_NEXT.replace('".next-bench/types/**/*.ts"', '"scripts/**/*.ts"');
    expect(isOnlyNextIncludeRewrite(BEFORE, otherInclude)).toBe(false);
    const removed = AFTER_NEXT.replace('    "**/*.tsx",\n', "");
    expect(isOnlyNextIncludeRewrite(BEFORE, removed)).toBe(false);
    const excluded = AFTER_NEXT.replace('".venv"', '".venv", "e2e"');
    expect(isOnlyNextIncludeRewrite(BEFORE, excluded)).toBe(false);
  });

  it("never restores over a file that does not parse", () => {
    expect(isOnlyNextIncludeRewrite(BEFORE, "{ broken")).toBe(false);
    expect(isOnlyNextIncludeRewrite("{ broken", AFTER_NEXT)).toBe(false);
  });
});
