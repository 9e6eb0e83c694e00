/**
 * The imports and helper definitions that accepted fixes need, added once after the file's own top-level imports
 * (Python). Lines the file already has are not added again.
 */
import type { Tree } from "@lezer/common";

import type { Edit } from "./types";

function topLevelImportsEnd(source: string, tree: Tree): number | undefined {
  let end: number | undefined;
  for (let c = tree.topNode.firstChild; c; c = c.nextSibling) {
    if (c.name === "ImportStatement") end = c.to;
    else if (c.name !== "Comment" && end !== undefined) break;
  }
  return end;
}

/** Where a Python file's preamble goes when it has no import: after a shebang, leading comments and docstring. */
function pythonStart(source: string, tree: Tree): number {
  let pos = 0;
  for (let c = tree.topNode.firstChild; c; c = c.nextSibling) {
    const isDocstring = c.name === "ExpressionStatement" && c.firstChild?.name === "String";
    if (c.name === "Comment" || (isDocstring && pos === 0)) {
      const nl = source.indexOf("\n", c.to);
      pos = nl === -1 ? source.length : nl + 1;
    } else break;
  }
  return pos;
}

export function pythonPreambleEdit(
  source: string,
  tree: Tree,
  imports: readonly string[],
  definitions: readonly string[],
): Edit | undefined {
  const lines = new Set(source.split("\n").map((l) => l.trimEnd()));
  const newImports = [...new Set(imports)].filter((i) => !lines.has(i));
  const newDefinitions = [...new Set(definitions)];
  if (newImports.length === 0 && newDefinitions.length === 0) return undefined;
  const defs = newDefinitions.map((d) => `\n\n${d.trimEnd()}\n`).join("");
  const end = topLevelImportsEnd(source, tree);
  if (end !== undefined) {
    const imp = newImports.map((i) => `\n${i}`).join("");
    return { from: end, to: end, insert: imp + (defs ? `\n${defs.replace(/\n$/, "")}` : "") };
  }
  const at = pythonStart(source, tree);
  const imp = newImports.map((i) => `${i}\n`).join("");
  return { from: at, to: at, insert: imp + (defs ? `${defs.replace(/^\n\n/, imp ? "\n\n" : "")}\n\n` : "") };
}
