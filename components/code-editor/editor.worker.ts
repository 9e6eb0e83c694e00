/** Monaco's core editor worker, bundled locally (see ./monaco-setup.ts). */
import "monaco-editor/editor/editor.worker";
