#!/usr/bin/env node
/**
 * `explorer` CLI launcher (see docs/cli.md). Runs lib/cli/main.ts from TypeScript source through tsx's
 * programmatic API, with the project's tsconfig (for the `@/` import alias) whatever the working directory.
 * Works as `npx explorer …` from the project (npm links the package's own bin) and as `node bin/explorer.mjs …`.
 */
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
// tsx reads the tsconfig from the working directory unless told otherwise; the CLI may run from anywhere.
process.env.TSX_TSCONFIG_PATH = fileURLToPath(new URL("tsconfig.json", root));

try {
  const { tsImport } = await import("tsx/esm/api");
  const { main } = await tsImport(fileURLToPath(new URL("lib/cli/main.ts", root)), import.meta.url);
  await main(process.argv.slice(2));
} catch (e) {
  // Only reached for a broken install (tsx missing, a source file that does not compile): the CLI itself
  // reports every input error without throwing.
  process.stderr.write(`explorer: cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.EXPLORER_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
  process.exitCode = 1;
}
