/**
 * Syntax trees for the migration rules: @lezer/python and @lezer/javascript (TypeScript dialect for .ts), small
 * and browser-friendly, so the page and the CLI run the same code. Helpers here keep the rules short.
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import { parser as jsParser } from "@lezer/javascript";
import { parser as pyParser } from "@lezer/python";

import type { MigrateLanguage } from "./types";

const tsParser = jsParser.configure({ dialect: "ts" });

export function parseSource(source: string, language: MigrateLanguage): Tree {
  if (language === "python") return pyParser.parse(source);
  return (language === "typescript" ? tsParser : jsParser).parse(source);
}

/** True when the parser had to recover from a syntax error somewhere (lezer marks those with error nodes). */
export function hasSyntaxErrors(tree: Tree): boolean {
  let found = false;
  tree.iterate({
    enter(n) {
      if (found) return false;
      if (n.type.isError) found = true;
      return undefined;
    },
  });
  return found;
}

/** Every node named one of `names`, in document order. */
export function findAll(tree: Tree, ...names: string[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  tree.iterate({
    enter(n) {
      if (names.includes(n.name)) out.push(n.node);
    },
  });
  return out;
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** The nearest ancestor (or the node itself) named one of `names`. */
export function ancestor(node: SyntaxNode | null, ...names: string[]): SyntaxNode | null {
  for (let n = node; n; n = n.parent) if (names.includes(n.name)) return n;
  return null;
}

/**
 * The value of a plain string literal ('…', "…", without escapes or an f/b prefix), or undefined for anything
 * else: the rules only act on literals whose value they know exactly.
 */
export function plainStringValue(literal: string): string | undefined {
  const m = /^[rRuU]?(['"])(.*)\1$/s.exec(literal);
  if (!m || m[2] === undefined) return undefined;
  const body = m[2];
  if (body.includes("\\") || body.includes("\n") || body.includes(m[1] ?? "")) return undefined;
  return body;
}

/** 1-based line and column of an offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The whitespace that starts the line `offset` is on. */
export function indentAt(source: string, offset: number): string {
  const start = source.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(start))?.[0] ?? "";
}

/** The range of the whole line(s) of [from, to) including the newline, when nothing else is on them. */
export function wholeLines(
  source: string,
  from: number,
  to: number,
): { from: number; to: number } | undefined {
  const start = source.lastIndexOf("\n", from - 1) + 1;
  const nl = source.indexOf("\n", to);
  const end = nl === -1 ? source.length : nl + 1;
  const before = source.slice(start, from);
  const after = source.slice(to, nl === -1 ? source.length : nl);
  if (before.trim() !== "" || !/^\s*;?\s*(#.*|\/\/.*)?$/.test(after)) return undefined;
  return { from: start, to: end };
}

/** Python: the callee's dotted text of a CallExpression (`flow.run_console`), or undefined. */
export function calleeText(call: SyntaxNode, text: (n: SyntaxNode) => string): string | undefined {
  const callee = call.firstChild;
  if (!callee || (callee.name !== "MemberExpression" && callee.name !== "VariableName")) return undefined;
  return text(callee).replace(/\s+/g, "");
}
