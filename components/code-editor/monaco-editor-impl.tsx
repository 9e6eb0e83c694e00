"use client";
/**
 * The Monaco half of ./code-editor.tsx. Importing this module pulls in Monaco (and its CSS), so only
 * ./code-editor.tsx may import it, through `next/dynamic` with `ssr: false`.
 */
import Editor from "@monaco-editor/react";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

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

  return (
    <div className="code-editor__monaco" data-language={language} style={{ height }}>
      <Editor
        height="100%"
        value={value}
        language={language}
        path={modelPath}
        theme={theme}
        loading={fallback}
        onChange={(text) => onChange?.(text ?? "")}
        onMount={(editor) => {
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
        options={{
          readOnly,
          domReadOnly: readOnly,
          // Read-only code never takes Tab: it moves focus on. Editable text indents with Tab; Escape then Tab
          // leaves (releaseTabOnEscape), as the body editor's hint says.
          // (Not set at all for editable editors: the options are re-applied on every render.)
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
        }}
      />
    </div>
  );
}
