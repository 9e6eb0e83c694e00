/**
 * py-apiclient-import: `apiclient` is the pre-2014 name of google-api-python-client's package, kept only as an
 * alias → `googleapiclient`. `from apiclient[.x] import …` is rewritten; `import apiclient…` binds the old name,
 * so it is left for the user.
 */
import type { Rule, RuleOutcome } from "../types";
import { findAll } from "../syntax";

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
          : "Replace `import apiclient…` with `from googleapiclient import …` and update the names that use it.",
        edits: isFrom ? [{ from: mod.from, to: mod.to, insert: "googleapiclient" }] : [],
      });
    }
    return out;
  },
};
