"use client";
/**
 * A read-only side-by-side diff (Monaco's diff editor, bundled locally like ./code-editor.tsx and loaded the same
 * lazy way: only once the page is quiet). Until then — and if Monaco fails — the rewritten text is shown as plain
 * text, so the result is never hidden behind the editor.
 */
import dynamic from "next/dynamic";
import { EditorBoundary, PlainCode } from "./editor-fallback";
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
  return <PlainCode text={modified} language={language} height={height} ariaLabel={ariaLabel} />;
}

const MonacoDiff = dynamic(() => import("./monaco-diff-editor-impl"), { ssr: false, loading: () => null });

export function CodeDiffEditor(props: CodeDiffEditorProps) {
  const quiet = usePageQuiet();
  const fallback = <Fallback {...props} />;
  return (
    <div className="code-editor">
      {quiet ? (
        <EditorBoundary
          fallback={fallback}
          warning="The diff editor failed to load; showing the rewritten text instead."
        >
          <MonacoDiff {...props} fallback={fallback} />
        </EditorBoundary>
      ) : (
        fallback
      )}
    </div>
  );
}
