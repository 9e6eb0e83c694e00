/** Small JavaScript/TypeScript tree queries shared by the JS rules (@lezer/javascript node names). */
import type { SyntaxNode } from "@lezer/common";

import { childrenOf, findAll, wholeLines } from "../syntax";
import type { Edit, RuleContext } from "../types";

export interface Range {
  readonly from: number;
  readonly to: number;
}

export const inside = (n: Range, r: Range): boolean => r.from <= n.from && n.to <= r.to;

/** Arguments of a call or `new` expression, without the brackets and commas. */
export function args(call: SyntaxNode): SyntaxNode[] {
  const list = call.getChild("ArgList");
  return list ? childrenOf(list).filter((c) => !["(", ")", ","].includes(c.name)) : [];
}

/** `obj.prop(...)` → [obj text, prop text] for a CallExpression. */
export function memberCall(
  ctx: RuleContext,
  call: SyntaxNode | null | undefined,
): [string, string] | undefined {
  if (call?.name !== "CallExpression") return undefined;
  const m = call.firstChild;
  if (
    m?.name !== "MemberExpression" ||
    m.firstChild?.name !== "VariableName" ||
    m.lastChild?.name !== "PropertyName"
  )
    return undefined;
  return [ctx.text(m.firstChild), ctx.text(m.lastChild)];
}

/** Statements of a Block or Script, without braces and comments. */
export function statements(block: SyntaxNode): SyntaxNode[] {
  return childrenOf(block).filter(
    (c) => c.name !== "{" && c.name !== "}" && c.name !== "LineComment" && c.name !== "BlockComment",
  );
}

/** The statement (a direct child of a Block or the Script) that contains `node`. */
export function statementOf(node: SyntaxNode): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const p = n.parent;
    if (p && (p.name === "Block" || p.name === "Script")) return n;
  }
  return null;
}

/**
 * Every place `name` is read: VariableName nodes and shorthand properties (`{ input }` names the variable
 * `input` but is a PropertyDefinition in the tree).
 */
export function references(ctx: RuleContext, name: string): SyntaxNode[] {
  return findAll(ctx.tree, "VariableName", "PropertyDefinition").filter((n) => {
    if (ctx.text(n) !== name) return false;
    if (n.name === "VariableName") return true;
    const prop = n.parent;
    return prop?.name === "Property" && childrenOf(prop).length === 1;
  });
}

/** A top-level import or require statement and the local names it binds. */
export interface ModuleBinding {
  readonly stmt: SyntaxNode;
  readonly module: string;
  readonly locals: readonly string[];
}

function stringValue(ctx: RuleContext, node: SyntaxNode | null | undefined): string | undefined {
  return node?.name === "String" ? ctx.text(node).slice(1, -1) : undefined;
}

/** Top-level `import … from 'm'` and `const x = require('m')` / `const { a, b: c } = require('m')`. */
export function moduleBindings(ctx: RuleContext): ModuleBinding[] {
  const out: ModuleBinding[] = [];
  for (const stmt of childrenOf(ctx.tree.topNode)) {
    if (stmt.name === "ImportDeclaration") {
      const from = stringValue(ctx, stmt.getChild("String"));
      if (from === undefined) continue;
      const locals = findAll(ctx.tree, "VariableDefinition")
        .filter((d) => inside(d, stmt))
        .map((d) => ctx.text(d));
      out.push({ stmt, module: from, locals });
    } else if (stmt.name === "VariableDeclaration") {
      const call = stmt.getChild("CallExpression");
      if (call?.firstChild?.name !== "VariableName" || ctx.text(call.firstChild) !== "require") continue;
      const from = stringValue(ctx, args(call)[0]);
      if (from === undefined || stmt.getChildren("Equals").length !== 1) continue;
      const locals = findAll(ctx.tree, "VariableDefinition")
        .filter((d) => inside(d, stmt))
        .map((d) => ctx.text(d));
      out.push({ stmt, module: from, locals });
    }
  }
  return out;
}

/** The binding statement of the local name `local`, if it is bound by a top-level import/require. */
export function bindingOf(ctx: RuleContext, local: string): ModuleBinding | undefined {
  return moduleBindings(ctx).find((b) => b.locals.includes(local));
}

/**
 * Removals of whole import/require statements that the edits leave provably unused: every local name they bind
 * is read somewhere, and every such read lies inside `removed`. Statements sharing a line with other code, and
 * side-effect imports, are kept.
 */
export function unusedImportRemovals(
  ctx: RuleContext,
  removed: readonly Range[],
  keep: readonly SyntaxNode[] = [],
): Edit[] {
  const out: Edit[] = [];
  for (const b of moduleBindings(ctx)) {
    if (b.locals.length === 0 || keep.some((k) => k.from === b.stmt.from)) continue;
    if (removed.some((r) => inside(b.stmt, r))) continue;
    const unused = b.locals.every((local) => {
      const reads = references(ctx, local).filter((n) => !inside(n, b.stmt));
      return reads.length > 0 && reads.every((n) => removed.some((r) => inside(n, r)));
    });
    const lines = unused ? wholeLines(ctx.source, b.stmt.from, b.stmt.to) : undefined;
    if (lines) out.push({ ...lines, insert: "" });
  }
  return out;
}
