"use client";
/**
 * The Monaco half of ./code-editor.tsx. Importing this module pulls in Monaco (and its CSS), so only
 * ./code-editor.tsx may import it, through `next/dynamic` with `ssr: false`.
 */
import Editor from "@monaco-editor/react";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

import type { CodeEditorProps, EditorProblem } from "./code-editor";
import { monaco, setModelJsonSchema } from "./monaco-setup";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribeColorScheme(onChange: () => void): () => void {
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

/** `vs` or `vs-dark`, following the system colour scheme live. */
function useMonacoTheme(): "vs" | "vs-dark" {
  const dark = useSyncExternalStore(
    subscribeColorScheme,
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
  return dark ? "vs-dark" : "vs";
}

function severity(s: monaco.MarkerSeverity): EditorProblem["severity"] {
  if (s === monaco.MarkerSeverity.Error) return "error";
  if (s === monaco.MarkerSeverity.Warning) return "warning";
  return "info";
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
