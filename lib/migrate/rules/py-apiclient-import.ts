/**
 * py-apiclient-import: `apiclient` is the pre-2014 name of google-api-python-client's package, kept only as an
 * alias → `googleapiclient`. `from apiclient[.x] import …` is rewritten in place. `import apiclient` (or
 * `import apiclient.discovery`) binds the old name: it is rewritten when every use in the file is
 * `apiclient.<submodule>…` — the import becomes `import googleapiclient.<submodule>` for each one used (the
 * alias package imported them all; googleapiclient's own __init__ imports none) and each use is renamed.
 * An alias (`import apiclient as api`) or any other use is explained and left unchanged.
 * @see .venv/lib/python3.11/site-packages/apiclient/__init__.py
 */
import type { SyntaxNode } from "@lezer/common";

import { findAll } from "../syntax";
import type { Edit, Rule, RuleContext, RuleOutcome } from "../types";
import { variableUses } from "./python-ast";

/** The submodules the apiclient alias package imports (apiclient/__init__.py). */
const SUBMODULES = new Set([
  "channel",
  "discovery",
  "errors",
  "http",
  "mimeparse",
  "model",
  "sample_tools",
  "schema",
]);

/** `import apiclient` / `import apiclient.sub[, apiclient.sub2]` (nothing else, no alias) → the edits. */
function rewriteImport(ctx: RuleContext, stmt: SyntaxNode): Edit[] | undefined {
  const text = ctx.text(stmt).replace(/\s+/g, " ");
  if (!/^import apiclient(\.\w+)?( ?, ?apiclient(\.\w+)?)*$/.test(text)) return undefined;
  const used = new Set<string>();
  const renames: Edit[] = [];
  for (const v of variableUses(ctx, "apiclient")) {
    if (v.from >= stmt.from && v.to <= stmt.to) continue;
    const member = v.parent;
    const prop =
      member?.name === "MemberExpression" && member.firstChild?.from === v.from ? member.lastChild : null;
    const sub = prop?.name === "PropertyName" ? ctx.text(prop) : undefined;
    if (!sub || !SUBMODULES.has(sub)) return undefined;
    used.add(sub);
    renames.push({ from: v.from, to: v.to, insert: "googleapiclient" });
  }
  for (const m of text.matchAll(/apiclient\.(\w+)/g)) if (m[1]) used.add(m[1]);
  if (used.size === 0 || [...used].some((s) => !SUBMODULES.has(s))) return undefined;
  const insert = [...used]
    .sort()
    .map((s) => `import googleapiclient.${s}`)
    .join("\n");
  return [{ from: stmt.from, to: stmt.to, insert }, ...renames];
}

export const pyApiclientImport: Rule = {
  id: "py-apiclient-import",
  languages: ["python"],
  why: "https://github.com/googleapis/google-api-python-client/blob/main/UPGRADING.md",
  run(ctx) {
    const out: RuleOutcome[] = [];
    for (const stmt of findAll(ctx.tree, "ImportStatement")) {
      const first = stmt.firstChild;
      const mod = first?.nextSibling;
      if (!first || mod?.name !== "VariableName" || ctx.text(mod) !== "apiclient") continue;
      const isFrom = ctx.text(first) === "from";
      out.push({
        node: mod,
        message: "The package is googleapiclient; apiclient is a deprecated alias.",
        manual: isFrom
          ? "Import from googleapiclient instead of apiclient."
          : "Replace `import apiclient…` with `import googleapiclient.discovery` (and the other submodules you use) and rename apiclient.… to googleapiclient.….",
        edits: isFrom
          ? [{ from: mod.from, to: mod.to, insert: "googleapiclient" }]
          : (rewriteImport(ctx, stmt) ?? []),
      });
    }
    return out;
  },
};
