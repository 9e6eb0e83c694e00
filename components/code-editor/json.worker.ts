/** Monaco's JSON language worker (validation, completion from JSON Schema), bundled locally. */
import "monaco-editor/languages/features/json/json.worker";
