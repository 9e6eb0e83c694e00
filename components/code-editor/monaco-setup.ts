/**
 * Monaco, bundled from node_modules — never from a CDN. `@monaco-editor/react`'s default loader fetches Monaco
 * from jsdelivr; `loader.config({ monaco })` hands it this locally bundled instance instead, so its loader never
 * injects a script. Only what the explorer needs is imported: the editor core and the features listed below, the
 * JSON language service (schema validation and completion, in a web worker) and the tokenizers for TypeScript,
 * Python and shell.
 *
 * Browser only: import this module (through ./monaco-editor-impl) with `next/dynamic` and `ssr: false`.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor";
// The editor features the body editor and the code panel use — not `features/register.all`, whose extra features
// (inline completions, diff editor, sticky scroll, code lens, colour picker, quick access, …) doubled the time
// Monaco takes to start, a block on the page's main thread right after it became interactive. The list follows
// monaco-editor's own `editor/editor.main.js`.
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/readOnlyMessage/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/unicodeHighlighter/register";
import "monaco-editor/features/wordOperations/register";
// Completion (JSON Schema properties and enum values): `features/suggest` registers only the inline-completions
// bridge; the suggest widget itself is this contribution.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
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
