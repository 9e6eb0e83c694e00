/**
 * Leftovers of a Python rewrite: a top-level import, or an `OOB = "urn:ietf:wg:oauth:2.0:oob"` constant, that the
 * accepted fixes left unused. Removed only when provably unused: every name the statement binds was read
 * somewhere in the original file and is read nowhere in the rewritten one (any VariableName spelled the same
 * counts as a read, so a shadowing parameter keeps the import). Imports the user never used are not touched.
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@lezer/python";

import { childrenOf, plainStringValue, wholeLines } from "./syntax";
import type { Edit } from "./types";

const OOB = "urn:ietf:wg:oauth:2.0:oob";

/** The local names an import statement binds; undefined for `from __future__` and `*` imports. */
function boundNames(source: string, stmt: SyntaxNode): string[] | undefined {
  const kids = childrenOf(stmt).filter((k) => !["(", ")"].includes(k.name));
  const text = (n: SyntaxNode): string => source.slice(n.from, n.to);
  const isFrom = kids[0] && text(kids[0]) === "from";
  if (isFrom) {
    const at = kids.findIndex((k) => k.name === "import");
    if (at === -1 || kids.some((k) => k.name === "*") || text(kids[1] as SyntaxNode) === "__future__")
      return undefined;
    const names: string[] = [];
    for (let i = at + 1; i < kids.length; i++) {
      const k = kids[i] as SyntaxNode;
      if (k.name !== "VariableName") continue;
      if (kids[i + 1]?.name === "as") continue; // the alias that follows is the bound name
      names.push(text(k));
    }
    return names;
  }
  // import a.b.c [as x], d
  const names: string[] = [];
  let first: string | undefined;
  for (let i = 1; i <= kids.length; i++) {
    const k = kids[i];
    if (!k || k.name === ",") {
      if (first) names.push(first);
      first = undefined;
    } else if (k.name === "as") {
      first = text(kids[i + 1] as SyntaxNode);
      i++;
    } else if (k.name === "VariableName" && first === undefined && kids[i - 1]?.name !== ".") first = text(k);
  }
  return names;
}

/** Reads of each name: VariableName nodes outside import statements, minus the `skip` nodes. */
function reads(source: string, tree: Tree): Map<string, number[]> {
  const out = new Map<string, number[]>();
  tree.iterate({
    enter(n) {
      if (n.name === "ImportStatement") return false;
      if (n.name === "VariableName") {
        const name = source.slice(n.from, n.to);
        out.set(name, [...(out.get(name) ?? []), n.from]);
      }
      return undefined;
    },
  });
  return out;
}

/** `added` is code that will be inserted into `after` (the helpers a fix needs): the names it reads are read. */
export function pythonLeftoverEdits(
  before: string,
  beforeTree: Tree,
  after: string,
  afterTree: Tree,
  added = "",
): Edit[] {
  const was = reads(before, beforeTree);
  const now = reads(after, afterTree);
  for (const [name, at] of reads(added, parser.parse(added)))
    now.set(name, [...(now.get(name) ?? []), ...at]);
  const edits: Edit[] = [];
  for (const stmt of childrenOf(afterTree.topNode)) {
    if (stmt.name === "ImportStatement") {
      const names = boundNames(after, stmt);
      if (!names || names.length === 0) continue;
      if (!names.every((n) => (was.get(n)?.length ?? 0) > 0 && (now.get(n)?.length ?? 0) === 0)) continue;
      const lines = wholeLines(after, stmt.from, stmt.to);
      if (lines) edits.push({ ...lines, insert: "" });
    } else if (stmt.name === "AssignStatement") {
      // NAME = "urn:ietf:wg:oauth:2.0:oob"
      const [target, op, value] = childrenOf(stmt);
      if (target?.name !== "VariableName" || op?.name !== "AssignOp" || value?.name !== "String") continue;
      if (stmt.lastChild?.from !== value.from) continue;
      const v = plainStringValue(after.slice(value.from, value.to));
      if (v !== OOB && v !== `${OOB}:auto`) continue;
      const name = after.slice(target.from, target.to);
      if ((was.get(name)?.length ?? 0) < 2 || (now.get(name)?.length ?? 0) !== 1) continue;
      const lines = wholeLines(after, stmt.from, stmt.to);
      if (lines) edits.push({ ...lines, insert: "" });
    }
  }
  return edits;
}
