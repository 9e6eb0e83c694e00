"use client";
/** The Monaco half of ./code-diff-editor.tsx (only that file may import it, through next/dynamic, ssr: false). */
import { DiffEditor } from "@monaco-editor/react";
import { useSyncExternalStore, type ReactNode } from "react";

import { isDarkTheme, subscribeTheme } from "@/lib/theme";

import type { CodeDiffEditorProps } from "./code-diff-editor";
import { DARK_THEME, LIGHT_THEME } from "./monaco-setup";

export default function MonacoDiffEditor({
  original,
  modified,
  language,
  height = 420,
  ariaLabel,
  fallback,
}: CodeDiffEditorProps & { readonly fallback: ReactNode }) {
  const dark = useSyncExternalStore(subscribeTheme, isDarkTheme, () => false);
  return (
    <div
      className="code-editor__monaco"
      data-language={language}
      data-testid="diff-editor"
      style={{ height }}
    >
      <DiffEditor
        height="100%"
        original={original}
        modified={modified}
        language={language}
        theme={dark ? DARK_THEME : LIGHT_THEME}
        loading={fallback}
        onMount={(editor) => {
          // Each side is an editor of its own and needs a name (axe: aria-input-field-name); the diff editor's
          // originalAriaLabel/modifiedAriaLabel options alone did not reach the inputs.
          editor.getOriginalEditor().updateOptions({ ariaLabel: `${ariaLabel}: original` });
          editor.getModifiedEditor().updateOptions({ ariaLabel: `${ariaLabel}: rewritten` });
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
