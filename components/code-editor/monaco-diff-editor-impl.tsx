"use client";
/** The Monaco half of ./code-diff-editor.tsx (only that file may import it, through next/dynamic, ssr: false). */
import { DiffEditor } from "@monaco-editor/react";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

import { isDarkTheme, subscribeTheme } from "@/lib/theme";

import type { CodeDiffEditorProps } from "./code-diff-editor";
import { DARK_THEME, LIGHT_THEME, monaco } from "./monaco-setup";

export default function MonacoDiffEditor({
  original,
  modified,
  language,
  height = 420,
  ariaLabel,
  fallback,
}: CodeDiffEditorProps & { readonly fallback: ReactNode }) {
  const dark = useSyncExternalStore(subscribeTheme, isDarkTheme, () => false);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneDiffEditor | null>(null);
  // The wrapper only ever sees the first texts (it would update the two sides one by one); later ones go below.
  const [initial] = useState({ original, modified });

  // Models replaced but not yet disposed: a diff of them may still be running in the worker, and disposing them
  // under it makes Monaco throw "no diff result available" (seen when files were opened one after another). The
  // worker answers in order, so once the current pair's diff is there, the older ones are done.
  const retired = useRef<monaco.editor.ITextModel[]>([]);
  useEffect(() => {
    if (!editor) return;
    const pending = retired.current;
    const disposeRetired = () => {
      for (const model of pending.splice(0)) model.dispose();
    };
    const sub = editor.onDidUpdateDiff(disposeRetired);
    return () => {
      sub.dispose();
      disposeRetired();
    };
  }, [editor]);

  // Both sides change together: swap in a new pair of models at once. Updating them one after the other (what
  // the wrapper's props do) lets the diff run on one new and one old side, and Monaco throws on that result.
  useEffect(() => {
    if (!editor) return;
    const previous = editor.getModel();
    if (previous?.original.getValue() === original && previous.modified.getValue() === modified) return;
    editor.setModel({
      original: monaco.editor.createModel(original, language),
      modified: monaco.editor.createModel(modified, language),
    });
    if (previous) retired.current.push(previous.original, previous.modified);
  }, [editor, original, modified, language]);

  return (
    <div
      className="code-editor__monaco"
      data-language={language}
      data-testid="diff-editor"
      style={{ height }}
    >
      <DiffEditor
        height="100%"
        original={initial.original}
        modified={initial.modified}
        language={language}
        theme={dark ? DARK_THEME : LIGHT_THEME}
        loading={fallback}
        onMount={(mounted) => {
          // Each side is an editor of its own and needs a name (axe: aria-input-field-name); the diff editor's
          // originalAriaLabel/modifiedAriaLabel options alone did not reach the inputs.
          mounted.getOriginalEditor().updateOptions({ ariaLabel: `${ariaLabel}: original` });
          mounted.getModifiedEditor().updateOptions({ ariaLabel: `${ariaLabel}: rewritten` });
          setEditor(mounted);
        }}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          originalAriaLabel: `${ariaLabel}: original`,
          modifiedAriaLabel: `${ariaLabel}: rewritten`,
          fontSize: 13,
        }}
      />
    </div>
  );
}
