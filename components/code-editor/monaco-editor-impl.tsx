"use client";
/**
 * The Monaco half of ./code-editor.tsx. Importing this module pulls in Monaco (and its CSS), so only
 * ./code-editor.tsx may import it, through `next/dynamic` with `ssr: false`.
 */
import Editor from "@monaco-editor/react";
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";

import { minimalEdit } from "@/lib/text/minimal-edit";
import { isDarkTheme, subscribeTheme } from "@/lib/theme";

import type { CodeEditorProps, EditorProblem } from "./code-editor";
import { DARK_THEME, LIGHT_THEME, monaco, setModelJsonSchema } from "./monaco-setup";

/** The explorer's themes (monaco-setup.ts): `vs` / `vs-dark` with contrast fixes, following the page's theme live. */
function useMonacoTheme(): typeof LIGHT_THEME | typeof DARK_THEME {
  const dark = useSyncExternalStore(subscribeTheme, isDarkTheme, () => false);
  return dark ? DARK_THEME : LIGHT_THEME;
}

function severity(s: monaco.MarkerSeverity): EditorProblem["severity"] {
  if (s === monaco.MarkerSeverity.Error) return "error";
  if (s === monaco.MarkerSeverity.Warning) return "warning";
  return "info";
}

/**
 * No keyboard trap in an editable editor: after Escape, the next Tab / Shift+Tab moves focus out of the editor
 * (Monaco's tabFocusMode, switched on until any other key or until the editor loses focus). Ctrl+M (Monaco's own
 * "toggle Tab moves focus") works too.
 */
function releaseTabOnEscape(editor: monaco.editor.IStandaloneCodeEditor): void {
  let released = false;
  const set = (on: boolean) => {
    if (released === on) return;
    released = on;
    editor.updateOptions({ tabFocusMode: on });
  };
  editor.onKeyDown((e) => {
    if (e.keyCode === monaco.KeyCode.Escape) set(true);
    else if (e.keyCode !== monaco.KeyCode.Tab && e.keyCode !== monaco.KeyCode.Shift) set(false);
  });
  editor.onDidBlurEditorText(() => set(false));
}

/**
 * Brings the model at `uri` to `value` with the smallest replacement (lib/text/minimal-edit). `@monaco-editor/react`
 * would `setValue` the whole text (read-only) or replace the full range: Monaco then re-tokenises and redraws every
 * line, the largest part of keystroke → code latency. A minimal edit redraws only the lines that changed.
 * Editable models get the edit through the editor, as one undo step.
 */
function syncModel(
  model: monaco.editor.ITextModel,
  value: string,
  editor: monaco.editor.IStandaloneCodeEditor | null,
  readOnly: boolean,
): void {
  const edit = minimalEdit(model.getValue(), value);
  if (edit === null) return;
  const start = model.getPositionAt(edit.start);
  const end = model.getPositionAt(edit.end);
  const op = {
    range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
    text: edit.text,
    forceMoveMarkers: true,
  };
  const shown = editor !== null && editor.getModel() === model;
  if (readOnly || !shown) model.applyEdits([op]);
  else {
    editor.executeEdits("explorer", [op]);
    editor.pushUndoStop();
  }
  // Draw now rather than in Monaco's next animation frame: the code then changes in the same frame as the
  // character typed in the form (and the redraw is of the changed lines only).
  if (shown) editor.render();
}

export default function MonacoEditorImpl({
  value,
  language,
  readOnly = false,
  onChange,
  modelPath,
  jsonSchema = null,
  height = 320,
  ariaLabel,
  onReady,
  onProblems,
  fallback,
}: CodeEditorProps & { readonly fallback: ReactNode }) {
  const theme = useMonacoTheme();
  const uri = useMemo(() => monaco.Uri.parse(modelPath), [modelPath]);
  const [mounted, setMounted] = useState(false);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  /** True while this component edits the model: the change is not the user's, so onChange is not called. */
  const applying = useRef(false);
  const callbacks = useRef({ onReady, onProblems });
  useEffect(() => {
    callbacks.current = { onReady, onProblems };
  });

  useEffect(() => {
    if (language !== "json") return;
    return setModelJsonSchema(uri.toString(), jsonSchema);
  }, [uri, language, jsonSchema]);

  useEffect(() => {
    if (!mounted) return;
    const report = () =>
      callbacks.current.onProblems?.(
        monaco.editor.getModelMarkers({ resource: uri }).map((m) => ({
          message: m.message,
          line: m.startLineNumber,
          column: m.startColumn,
          severity: severity(m.severity),
        })),
      );
    report();
    const sub = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === uri.toString())) report();
    });
    return () => sub.dispose();
  }, [mounted, uri]);

  useEffect(() => () => callbacks.current.onReady?.(null), []);

  // The text: `<Editor>` only gets it as `defaultValue` (when it creates a path's model); later changes are applied
  // here, in the commit, so Monaco redraws in the very next frame. A model not created yet (first mount, or a new
  // path before <Editor>'s own effect switched to it) is created from `defaultValue`, which is `value`.
  useLayoutEffect(() => {
    const model = monaco.editor.getModel(uri);
    if (model === null) return;
    applying.current = true;
    try {
      syncModel(model, value, editorRef.current, readOnly);
    } finally {
      applying.current = false;
    }
  }, [uri, value, readOnly, mounted]);

  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      readOnly,
      domReadOnly: readOnly,
      // Read-only code never takes Tab: it moves focus on. Editable text indents with Tab; Escape then Tab
      // leaves (releaseTabOnEscape), as the body editor's hint says.
      ...(readOnly ? { tabFocusMode: true } : {}),
      ariaLabel,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fontSize: 13,
      lineNumbersMinChars: 3,
      tabSize: 2,
      wordWrap: readOnly ? "on" : "off",
      renderLineHighlight: readOnly ? "none" : "line",
      fixedOverflowWidgets: true,
      quickSuggestions: readOnly ? false : { strings: true, other: true, comments: false },
      stickyScroll: { enabled: false },
      unicodeHighlight: { ambiguousCharacters: false },
      padding: { top: 8, bottom: 8 },
      scrollbar: { alwaysConsumeMouseWheel: false },
      // Generated code is regenerated on every keystroke in the form: skip the per-edit analyses a reader of
      // read-only code does not need (bracket pairs, folding regions, occurrence and link detection).
      ...(readOnly
        ? {
            bracketPairColorization: { enabled: false },
            guides: { bracketPairs: false, indentation: false },
            matchBrackets: "never" as const,
            folding: false,
            occurrencesHighlight: "off" as const,
            selectionHighlight: false,
            links: false,
            colorDecorators: false,
          }
        : {}),
    }),
    [readOnly, ariaLabel],
  );

  return (
    <div className="code-editor__monaco" data-language={language} style={{ height }}>
      <Editor
        height="100%"
        defaultValue={value}
        language={language}
        path={modelPath}
        theme={theme}
        loading={fallback}
        onChange={(text) => {
          if (!applying.current) onChange?.(text ?? "");
        }}
        onMount={(editor) => {
          editorRef.current = editor;
          setMounted(true);
          if (!readOnly) releaseTabOnEscape(editor);
          callbacks.current.onReady?.({
            focus: () => editor.focus(),
            getValue: () => editor.getValue(),
            selectAll: () => {
              const model = editor.getModel();
              if (model) editor.setSelection(model.getFullModelRange());
              editor.focus();
            },
          });
        }}
        options={options}
      />
    </div>
  );
}
