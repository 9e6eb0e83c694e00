/**
 * A tiny line/indent builder for the targets (style anchor 3: no `+=` string soup).
 * Methods are arrow fields, so `const { push, blank, indent, join } = new CodeBuilder()` is safe.
 */
export interface CodeBuilderOptions {
  /** One indentation level. Default two spaces. */
  readonly indent?: string;
}

export class CodeBuilder {
  private readonly lines: string[] = [];
  private level = 0;
  private readonly unit: string;

  constructor(options: CodeBuilderOptions = {}) {
    this.unit = options.indent ?? "  ";
  }

  /**
   * Adds one line (or several, when `line` contains newlines) at the current indentation, plus `extra`
   * levels. Continuation lines of a multi-line literal keep their own indentation relative to the first.
   */
  push = (line: string, extra = 0): this => {
    const prefix = this.unit.repeat(this.level + extra);
    for (const part of line.split("\n")) this.lines.push(part === "" ? "" : prefix + part);
    return this;
  };

  /** Adds `line`s verbatim (no indentation), e.g. a pre-rendered block. */
  raw = (line: string): this => {
    this.lines.push(...line.split("\n"));
    return this;
  };

  /** Ensures `count` empty lines end the code so far (never more; none at the very start). */
  blank = (count = 1): this => {
    if (this.lines.length === 0) return this;
    let trailing = 0;
    while (trailing < this.lines.length && this.lines[this.lines.length - 1 - trailing] === "") trailing += 1;
    for (let i = trailing; i < count; i += 1) this.lines.push("");
    return this;
  };

  /** Runs `body` one level deeper. */
  indent = (body: () => void): this => {
    this.level += 1;
    try {
      body();
    } finally {
      this.level -= 1;
    }
    return this;
  };

  /** Pushes `open`, runs `body` one level deeper, pushes `close` (when given). */
  block = (open: string, body: () => void, close?: string): this => {
    this.push(open);
    this.indent(body);
    if (close !== undefined) this.push(close);
    return this;
  };

  /** The current indentation level (for literal serialisers that take a starting level). */
  get depth(): number {
    return this.level;
  }

  /** The code, with trailing blank lines removed and exactly one final newline. */
  join = (): string => {
    const out = [...this.lines];
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return `${out.join("\n")}\n`;
  };
}

/**
 * Text safe to put after a line-comment marker (`#`, `//`): every line break and other control or separator
 * character becomes a space, so no value can end the comment and start code. Not an escaper for values —
 * only Discovery-provided prose and URLs go into comments.
 */
export function commentText(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ");
}
