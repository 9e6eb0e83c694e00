/**
 * Monaco, bundled from node_modules — never from a CDN. `@monaco-editor/react`'s default loader fetches Monaco
 * from jsdelivr; `loader.config({ monaco })` hands it this locally bundled instance instead, so its loader never
 * injects a script. Imported: the editor core with its features (see below), the JSON language service (schema
 * validation and completion, in a web worker) and the tokenizers for TypeScript, Python and shell.
 *
 * Browser only: import this module (through ./monaco-editor-impl) with `next/dynamic` and `ssr: false`.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor";
// Every editor feature, on purpose. Importing only the few the editors use looked cheaper, but the JSON language
// service's worker manager imports the full set anyway (monaco-editor's internal/common/workers.js) the moment a
// JSON model appears — after the first editor has fixed its services — so contributions that arrive then find
// their services missing ("depends on UNKNOWN service ICodeLensCache"). Loading them all up front avoids that;
// Monaco's start-up cost is kept off the first keystrokes by starting it when the page is quiet instead
// (./when-page-quiet). workers.js itself is imported too, so nothing it brings arrives late.
import "monaco-editor/features/register.all";
import "monaco-editor/internal/common/workers";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/definitions/shell/register";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";

type WorkerFactory = { getWorker(workerId: string, label: string): Worker };

(self as unknown as { MonacoEnvironment: WorkerFactory }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === "json")
      return new Worker(new URL("./json.worker.ts", import.meta.url), { type: "module", name: "json" });
    return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: "editor" });
  },
};

loader.config({ monaco: monaco as unknown as NonNullable<Parameters<typeof loader.config>[0]["monaco"]> });

/* ---- JSON Schemas per model: Monaco's JSON service takes one global list, so keep a registry and re-send it. ---- */

const schemasByModel = new Map<string, object>();

function applySchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: "error",
    enableSchemaRequest: false,
    schemaValidation: "error",
    schemas: [...schemasByModel].map(([modelUri, schema]) => ({
      uri: `${modelUri}.schema.json`,
      fileMatch: [modelUri],
      schema,
    })),
  });
}

/** Validates and completes the model at `modelUri` against `schema` (null: plain JSON syntax checks only). */
export function setModelJsonSchema(modelUri: string, schema: object | null): () => void {
  if (schema === null) schemasByModel.delete(modelUri);
  else schemasByModel.set(modelUri, schema);
  applySchemas();
  return () => {
    if (schemasByModel.get(modelUri) === schema) {
      schemasByModel.delete(modelUri);
      applySchemas();
    }
  };
}

applySchemas();

/* ---- Themes: Monaco's `vs` and `vs-dark` (the editor keeps those classes) with the token colours that fall below
   WCAG AA contrast (4.5:1) on the editor background replaced — e.g. vs-dark's comments, #608b4e on #1e1e1e, are
   4.2:1 (axe-core flags them: e2e/a11y.spec.ts). ---- */

export const LIGHT_THEME = "explorer-light";
export const DARK_THEME = "explorer-dark";

monaco.editor.defineTheme(LIGHT_THEME, {
  base: "vs",
  inherit: true,
  rules: [
    { token: "annotation", foreground: "6b6b6b" }, // was #808080, 3.9:1
    { token: "attribute.name", foreground: "d00000" }, // was #ff0000, 4.0:1
  ],
  colors: {},
});
monaco.editor.defineTheme(DARK_THEME, {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "comment", foreground: "7ca668" }, // was #608b4e, 4.2:1 → 6.0:1
    { token: "regexp", foreground: "c678a8" }, // was #b46695, 4.2:1
    { token: "annotation", foreground: "dc7878" }, // was #cc6666, 4.5:1
    { token: "variable.predefined", foreground: "7a9ad8" }, // was #4864aa, 2.9:1
  ],
  colors: {},
});

export { monaco };
