"use client";
/**
 * The one Monaco wrapper. Monaco itself (./monaco-editor-impl → ./monaco-setup) is loaded lazily with
 * `next/dynamic` and `ssr: false`, so it is bundled locally but fetched only by pages that render a CodeEditor,
 * once the page is quiet after hydration (./when-page-quiet). Until it is ready — and if it fails to load — a plain
 * fallback shows the same text: a read-only `<pre>`, or an editable `<textarea>` wired to `onChange` so typing is
 * never blocked or lost.
 */
import dynamic from "next/dynamic";
import { createContext, useContext, useState, type ReactNode } from "react";

import { EditorBoundary, PlainCode } from "./editor-fallback";
import { usePageQuiet } from "./when-page-quiet";
import "./code-editor.css";

/** What callers may do with a mounted Monaco editor (structural, so callers never import Monaco). */
export interface CodeEditorInstance {
  focus(): void;
  getValue(): string;
  /** Selects the whole text and focuses the editor (the copy fallback: the user presses Ctrl+C). */
  selectAll(): void;
}

/** A validation marker of the model (JSON syntax or schema problem), 1-based line and column. */
export interface EditorProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly severity: "error" | "warning" | "info";
}

export interface CodeEditorProps {
  readonly value: string;
  /** Monaco language id: `json`, `typescript`, `python`, `shell`, `plaintext`. */
  readonly language: string;
  readonly readOnly?: boolean;
  readonly onChange?: (text: string) => void;
  /** The model's path, unique per editor on the page (e.g. `body/drive.files.create.json`). */
  readonly modelPath: string;
  /** JSON only: the JSON Schema that drives validation markers and completion for this model. */
  readonly jsonSchema?: object | null;
  /** CSS height of the editor. */
  readonly height?: number | string;
  readonly ariaLabel: string;
  readonly onReady?: (editor: CodeEditorInstance | null) => void;
  /** The model's markers whenever they change (only while Monaco is loaded). */
  readonly onProblems?: (problems: readonly EditorProblem[]) => void;
}

function Fallback({
  value,
  readOnly,
  onChange,
  height = 320,
  ariaLabel,
  language,
  onFocusChange,
}: CodeEditorProps & { readonly onFocusChange?: (focused: boolean) => void }) {
  if (readOnly || onChange === undefined)
    return <PlainCode text={value} language={language} height={height} ariaLabel={ariaLabel} />;
  return (
    <textarea
      className="code-editor__fallback code-editor__textarea"
      data-language={language}
      style={{ height }}
      value={value}
      spellCheck={false}
      aria-label={ariaLabel}
      onChange={(e) => onChange(e.target.value)}
      onFocus={() => onFocusChange?.(true)}
      onBlur={() => onFocusChange?.(false)}
    />
  );
}

/** next/dynamic's `loading` gets no props: it reads the fallback for this editor from context. */
const PendingFallback = createContext<ReactNode>(null);

function Pending() {
  return <>{useContext(PendingFallback)}</>;
}

const MonacoEditor = dynamic(() => import("./monaco-editor-impl"), { ssr: false, loading: Pending });

/**
 * Monaco replaces the plain fallback once the page is quiet (./when-page-quiet) — but never under the user's
 * fingers: while they type in the fallback `<textarea>`, the swap waits until it loses focus.
 */
function useMonacoWanted(): readonly [boolean, (focused: boolean) => void] {
  const quiet = usePageQuiet();
  const [focused, setFocused] = useState(false);
  const [wanted, setWanted] = useState(false);
  if (quiet && !focused && !wanted) setWanted(true);
  return [wanted, setFocused];
}

export function CodeEditor(props: CodeEditorProps) {
  const [monacoWanted, onFocusChange] = useMonacoWanted();
  const fallback = <Fallback {...props} onFocusChange={onFocusChange} />;
  if (!monacoWanted) return <div className="code-editor">{fallback}</div>;
  return (
    <div className="code-editor">
      <EditorBoundary
        fallback={fallback}
        warning="The code editor failed to load; showing plain text instead."
      >
        <PendingFallback value={fallback}>
          <MonacoEditor {...props} fallback={fallback} />
        </PendingFallback>
      </EditorBoundary>
    </div>
  );
}
