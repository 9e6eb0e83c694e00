"use client";
/**
 * A read-only side-by-side diff (Monaco's diff editor, bundled locally like ./code-editor.tsx and loaded the same
 * lazy way: only once the page is quiet). Until then — and if Monaco fails — the rewritten text is shown as plain
 * text, so the result is never hidden behind the editor.
 */
import dynamic from "next/dynamic";
import { Component, type ReactNode } from "react";

import { usePageQuiet } from "./when-page-quiet";
import "./code-editor.css";

export interface CodeDiffEditorProps {
  readonly original: string;
  readonly modified: string;
  /** Monaco language id: `typescript`, `javascript`, `python`. */
  readonly language: string;
  readonly height?: number | string;
  readonly ariaLabel: string;
}

function Fallback({ modified, language, height = 420, ariaLabel }: CodeDiffEditorProps) {
  return (
    <pre
      className="code-block code-editor__fallback"
      data-language={language}
      style={{ height, overflow: "auto" }}
      tabIndex={0}
      aria-label={ariaLabel}
    >
      <code>{modified}</code>
    </pre>
  );
}

const MonacoDiff = dynamic(() => import("./monaco-diff-editor-impl"), { ssr: false, loading: () => null });

class Boundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn("The diff editor failed to load; showing the rewritten text instead.", error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function CodeDiffEditor(props: CodeDiffEditorProps) {
  const quiet = usePageQuiet();
  const fallback = <Fallback {...props} />;
  return (
    <div className="code-editor">
      {quiet ? (
        <Boundary fallback={fallback}>
          <MonacoDiff {...props} fallback={fallback} />
        </Boundary>
      ) : (
        fallback
      )}
    </div>
  );
}
