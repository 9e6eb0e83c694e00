/**
 * Benchmark over the installed snapshot: `npx tsx lib/discovery/bench.ts`.
 * Prints document/method counts, the cost of the largest document (parse → validate → model), and the snapshot
 * directory listing cold (first in the process) and warm (cached).
 * The only file in lib/discovery allowed to print: it is a CLI, not library code.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildApiModel } from "./model";
import {
  clearSnapshotListings,
  createSnapshotSource,
  defaultSnapshotDir,
  parseDocumentFileName,
  summariseDocumentFile,
} from "./sources/snapshot";
import { parseDiscoveryDocument } from "./validate";

const ms = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;

async function main() {
  const dir = defaultSnapshotDir();
  if (!dir) {
    console.error(
      "No snapshot found (.venv/lib/python3.*/site-packages/googleapiclient/discovery_cache/documents or EXPLORER_SNAPSHOT_DIR).",
    );
    process.exitCode = 1;
    return;
  }
  const files = readdirSync(dir).filter((f) => parseDocumentFileName(f));
  console.log(`snapshot: ${dir}`);

  // Listing first, so "cold" really is the first read of the directory in this process.
  let t0 = performance.now();
  const list = await createSnapshotSource(dir).listDirectory();
  console.log(`directory listing, cold: ${ms(t0)} (${list.items?.length} entries)`);
  t0 = performance.now();
  await createSnapshotSource(dir).listDirectory();
  console.log(`directory listing, warm: ${ms(t0)}`);
  clearSnapshotListings();

  let fullParses = 0;
  t0 = performance.now();
  for (const f of files) if ((await summariseDocumentFile(join(dir, f))).fullParse) fullParses++;
  console.log(
    `summaries of all ${files.length} files: ${ms(t0)} (${files.length - fullParses} from 64 KB head/tail windows, ${fullParses} small files fully parsed)`,
  );

  let methods = 0;
  let bytes = 0;
  let largest = { file: "", size: 0 };
  t0 = performance.now();
  for (const f of files) {
    const text = readFileSync(join(dir, f), "utf8");
    bytes += text.length;
    const parsed = parseDiscoveryDocument(text, f);
    if (!parsed.ok) {
      console.log(`  INVALID ${f}: ${parsed.error.message}`);
      continue;
    }
    methods += buildApiModel(parsed.doc).methods.length;
    const size = statSync(join(dir, f)).size;
    if (size > largest.size) largest = { file: f, size };
  }
  console.log(
    `documents: ${files.length}, total methods: ${methods}, ${(bytes / 1e6).toFixed(0)} MB; all parsed+validated+modelled in ${ms(t0)}`,
  );

  const text = readFileSync(join(dir, largest.file), "utf8");
  for (let run = 1; run <= 3; run++) {
    const a = performance.now();
    const parsed = parseDiscoveryDocument(text, largest.file);
    const b = performance.now();
    if (!parsed.ok) throw new Error(parsed.error.message);
    const api = buildApiModel(parsed.doc);
    const c = performance.now();
    console.log(
      `largest (${largest.file}, ${(largest.size / 1e6).toFixed(1)} MB, ${api.methods.length} methods) run ${run}: ` +
        `parse+validate+freeze ${(b - a).toFixed(1)} ms, model ${(c - b).toFixed(1)} ms, total ${(c - a).toFixed(1)} ms`,
    );
  }
}

void main();
