/**
 * py-insecure-transport: setting OAUTHLIB_INSECURE_TRANSPORT turns off oauthlib's HTTPS check for the whole
 * process; it was a workaround for pasting the http:// loopback address. The loopback and headless flows do not
 * need it → the statement is removed.
 */
import type { SyntaxNode } from "@lezer/common";

import { findAll, plainStringValue, wholeLines } from "../syntax";
import type { Rule, RuleOutcome } from "../types";
import { statementOf, statementsOf } from "./python-ast";

const NAME = "OAUTHLIB_INSECURE_TRANSPORT";

export const pyInsecureTransport: Rule = {
  id: "py-insecure-transport",
  languages: ["python"],
  why: "https://oauthlib.readthedocs.io/en/latest/oauth2/security.html",
  run(ctx) {
    const out: RuleOutcome[] = [];
    const seen = new Set<number>();
    for (const s of findAll(ctx.tree, "String")) {
      if (plainStringValue(ctx.text(s)) !== NAME) continue;
      const stmt = statementOf(s);
      if (!stmt || seen.has(stmt.from)) continue;
      // Only where the string sets the variable: os.environ[...] = …, os.environ.setdefault(...), os.putenv(...).
      const t = ctx.text(stmt).replace(/\s+/g, "");
      const sets =
        (stmt.name === "AssignStatement" &&
          stmt.firstChild?.name === "MemberExpression" &&
          stmt.firstChild.from <= s.from &&
          s.to <= stmt.firstChild.to) ||
        /^(os\.)?(environ\.setdefault|putenv|environ\.update)\(/.test(t);
      if (!sets) continue;
      seen.add(stmt.from);
      const block = stmt.parent as SyntaxNode;
      const onlyStatement = statementsOf(block).length === 1;
      const lines = wholeLines(ctx.source, stmt.from, stmt.to);
      out.push({
        node: stmt,
        message: `Setting ${NAME} disables oauthlib's HTTPS check; current sign-in flows do not need it.`,
        manual: `Delete the line that sets ${NAME}.`,
        edits: lines && !onlyStatement ? [{ ...lines, insert: "" }] : [],
      });
    }
    return out;
  },
};
