"use client";
/**
 * What the Monaco wrappers (./code-editor.tsx, ./code-diff-editor.tsx) show until Monaco is loaded and if it fails
 * to: the same text as plain, focusable, scrollable `<pre>`, and the error boundary that swaps it in.
 */
import { Component, type ReactNode } from "react";

export function PlainCode({
  text,
  language,
  height,
  ariaLabel,
}: {
  readonly text: string;
  readonly language: string;
  readonly height: number | string;
  readonly ariaLabel: string;
}) {
  return (
    <pre
      className="code-block code-editor__fallback"
      data-language={language}
      style={{ height, overflow: "auto" }}
      tabIndex={0}
      aria-label={ariaLabel}
    >
      <code>{text}</code>
    </pre>
  );
}

/** Shows `fallback` instead of a Monaco that threw while loading or rendering; `warning` says so on the console. */
export class EditorBoundary extends Component<
  { readonly fallback: ReactNode; readonly warning: string; readonly children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(this.props.warning, error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
