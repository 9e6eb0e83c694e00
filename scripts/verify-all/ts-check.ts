/**
 * Type-checks generated TypeScript snippets with the TypeScript compiler API, as a user's `snippet.mts` is
 * compiled (`tsc --strict`, module nodenext, target es2022, the options of
 * lib/codegen/targets/typescript/typescript.test.ts), in batches: one program per batch, all sharing ONE
 * compiler host that caches the parsed (and bound) googleapis/@types `.d.ts` SourceFiles, plus `oldProgram`.
 *
 * argv: input.json output.json; input: string[][] (batches of absolute file paths);
 * output (rewritten after every batch): { timings: {files, ms}[], diagnostics: Record<file, string[]>, done: number }
 * (files without diagnostics omitted; `done` = batches finished).
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";

import ts from "typescript";

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: ["node"],
  noUnusedLocals: true,
};

export function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const cache = new Map<string, ts.SourceFile | undefined>();
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes("/node_modules/"))
      return original(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}|${typeof languageVersion === "object" ? JSON.stringify(languageVersion) : languageVersion}`;
    if (cache.has(key)) return cache.get(key);
    const sf = original(fileName, languageVersion, onError, shouldCreate);
    cache.set(key, sf);
    return sf;
  };
  return host;
}

export function formatDiagnostic(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
  return `${where ? `${where.line + 1}:${where.character + 1} ` : ""}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}

function main(): void {
  const [src, dst] = process.argv.slice(2);
  const batches = JSON.parse(readFileSync(src!, "utf8")) as string[][];
  const host = cachingHost(COMPILER_OPTIONS);
  let old: ts.Program | undefined;
  const diagnostics: Record<string, string[]> = {};
  const timings: { files: number; ms: number }[] = [];
  for (const files of batches) {
    const t0 = performance.now();
    const program = ts.createProgram({ rootNames: files, options: COMPILER_OPTIONS, host, oldProgram: old });
    const roots = new Set(files);
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const file = d.file?.fileName ?? "(global)";
      if (d.file && !roots.has(file)) {
        // A diagnostic in a library file (skipLibCheck should prevent these): attribute to the batch.
        (diagnostics["(library)"] ??= []).push(`${file} ${formatDiagnostic(d)}`);
        continue;
      }
      (diagnostics[file] ??= []).push(formatDiagnostic(d));
    }
    timings.push({ files: files.length, ms: Math.round(performance.now() - t0) });
    process.stderr.write(`ts-check: batch of ${files.length} in ${timings.at(-1)!.ms} ms\n`);
    old = program;
    // Written after every batch: a run that is stopped still yields the batches it finished.
    writeFileSync(`${dst}.tmp`, JSON.stringify({ timings, diagnostics, done: timings.length }));
    renameSync(`${dst}.tmp`, dst!);
  }
}

if (process.argv[1]?.endsWith("ts-check.ts")) main();
