/**
 * Every generated module (`*.generated.ts`) from one command, with one header style:
 *
 *   npm run gen          regenerate them all in place
 *   npm run gen:check    regenerate into a temporary folder and fail with a diff when a committed file is stale
 *                        (a step of scripts/test.sh)
 *
 * A generator returns the module body; this runner adds the header and formats with the project's Prettier
 * config, so the committed files pass `prettier --check` and differ only when their inputs do.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { format, resolveConfig } from "prettier";

import { GENERATORS, type Generator } from "./generators";
import { generatedHeader } from "./header";

const root = fileURLToPath(new URL("../../", import.meta.url));

async function render(g: Generator): Promise<string> {
  const out = join(root, g.out);
  const text = generatedHeader(g) + g.generate(root);
  return format(text, { ...(await resolveConfig(out)), filepath: out });
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const dest = check ? mkdtempSync(join(tmpdir(), "gen-check-")) : root;
  let stale = 0;
  try {
    for (const g of GENERATORS) {
      const file = join(dest, g.out);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await render(g));
      if (!check) {
        console.log(`wrote ${g.out}`);
        continue;
      }
      const committed = readFileSync(join(root, g.out), "utf8");
      if (committed === readFileSync(file, "utf8")) continue;
      stale++;
      console.error(`${g.out} is stale (run: npm run gen):`);
      spawnSync("git", ["--no-pager", "diff", "--no-index", "--stat", "--patch", join(root, g.out), file], {
        stdio: ["ignore", "inherit", "inherit"],
      });
    }
  } finally {
    if (check) rmSync(dest, { recursive: true, force: true });
  }
  if (stale > 0) {
    console.error(`${stale} of ${GENERATORS.length} generated files are stale`);
    process.exit(1);
  }
  if (check) console.log(`${GENERATORS.length} generated files up to date`);
}

void main();
