/** Small Python tree queries shared by the Python rules (@lezer/python node names). */
import type { SyntaxNode } from "@lezer/common";

import { childrenOf } from "../syntax";
import type { RuleContext } from "../types";

/** `obj.name(...)` calls: the call, its object text and its ArgList. */
export interface MethodCall {
  readonly call: SyntaxNode;
  readonly object: SyntaxNode;
  readonly property: SyntaxNode;
  readonly args: SyntaxNode;
}

export function methodCall(node: SyntaxNode, ctx: RuleContext): MethodCall | undefined {
  if (node.name !== "CallExpression") return undefined;
  const callee = node.firstChild;
  const args = node.lastChild;
  if (callee?.name !== "MemberExpression" || args?.name !== "ArgList") return undefined;
  const property = callee.lastChild;
  const object = callee.firstChild;
  if (property?.name !== "PropertyName" || !object) return undefined;
  void ctx;
  return { call: node, object, property, args };
}

export function methodCalls(ctx: RuleContext, name: string): MethodCall[] {
  const out: MethodCall[] = [];
  ctx.tree.iterate({
    enter(n) {
      if (n.name !== "CallExpression") return;
      const m = methodCall(n.node, ctx);
      if (m && ctx.text(m.property) === name) out.push(m);
    },
  });
  return out;
}

/** The arguments of an ArgList without the brackets and commas. */
export function argNodes(args: SyntaxNode): SyntaxNode[] {
  return childrenOf(args).filter((c) => !["(", ")", ","].includes(c.name));
}

export function isEmptyArgList(args: SyntaxNode): boolean {
  return argNodes(args).length === 0;
}

/** Keyword arguments `name=value` of an ArgList: the name node and the value node. */
export function keywordArgs(args: SyntaxNode, ctx: RuleContext): { name: SyntaxNode; value: SyntaxNode }[] {
  const kids = childrenOf(args);
  const out: { name: SyntaxNode; value: SyntaxNode }[] = [];
  for (let i = 0; i + 2 < kids.length; i++) {
    const [a, op, v] = [kids[i], kids[i + 1], kids[i + 2]];
    if (a?.name === "VariableName" && op?.name === "AssignOp" && ctx.text(op) === "=" && v)
      out.push({ name: a, value: v });
  }
  return out;
}

/** The range that removes one keyword argument with its comma, leaving the other arguments as they were. */
export function removeArgRange(
  args: SyntaxNode,
  name: SyntaxNode,
  value: SyntaxNode,
): { from: number; to: number } {
  const kids = childrenOf(args);
  // SyntaxNode objects are not unique per node: compare positions.
  const first = kids.findIndex((k) => k.from === name.from && k.to === name.to);
  const last = kids.findIndex((k) => k.from === value.from && k.to === value.to);
  const before = kids[first - 1];
  const after = kids[last + 1];
  if (before?.name === ",") return { from: before.from, to: value.to };
  if (after?.name === ",") {
    const next = kids[last + 2];
    return { from: name.from, to: next && next.name !== ")" ? next.from : after.to };
  }
  return { from: name.from, to: value.to };
}

/** The statement (a direct child of Script or Body) that contains `node`. */
export function statementOf(node: SyntaxNode): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const p = n.parent;
    if (p && (p.name === "Script" || p.name === "Body")) return n;
  }
  return null;
}

/** Statements of a block (Script or Body) in order, without comments and the `:`. */
export function statementsOf(block: SyntaxNode): SyntaxNode[] {
  return childrenOf(block).filter((c) => c.name !== "Comment" && c.name !== ":");
}

/** The variable a statement `name = …` assigns, or undefined. */
export function assignedName(stmt: SyntaxNode, ctx: RuleContext): string | undefined {
  if (stmt.name !== "AssignStatement") return undefined;
  const target = stmt.firstChild;
  const op = target?.nextSibling;
  if (target?.name !== "VariableName" || op?.name !== "AssignOp" || ctx.text(op) !== "=") return undefined;
  return ctx.text(target);
}

/** The right-hand side of a simple assignment statement. */
export function assignedValue(stmt: SyntaxNode): SyntaxNode | null {
  return stmt.name === "AssignStatement" ? stmt.lastChild : null;
}

/** Nodes named `name` inside `node` (the node itself included). */
export function descendants(ctx: RuleContext, node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  ctx.tree.iterate({
    from: node.from,
    to: node.to,
    enter(n) {
      if (n.name === name && n.from >= node.from && n.to <= node.to) out.push(n.node);
    },
  });
  return out;
}

/** Whether `node` contains a call of the plain function `fn` (`input(...)`). */
export function containsCallOf(node: SyntaxNode, fn: string, ctx: RuleContext): boolean {
  return descendants(ctx, node, "CallExpression").some((c) => {
    const callee = c.firstChild;
    return callee?.name === "VariableName" && ctx.text(callee) === fn;
  });
}

/** Every VariableName node in the tree spelled `name`. */
export function variableUses(ctx: RuleContext, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  ctx.tree.iterate({
    enter(n) {
      if (n.name === "VariableName" && ctx.text(n) === name) out.push(n.node);
    },
  });
  return out;
}
