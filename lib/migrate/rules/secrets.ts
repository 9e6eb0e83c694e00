/**
 * hardcoded-secret: an API key (`AIza…`) or an OAuth client secret (`GOCSPX-…`) written in the code is public the
 * moment the file is shared → read from an environment variable (and rotate the old one: it was exposed).
 * Only string literals on the syntax tree count; the same text in a comment is not a finding.
 */
import { findAll, plainStringValue } from "../syntax";
import type { Rule, RuleOutcome } from "../types";

const KINDS = [
  { re: /^AIza[0-9A-Za-z_-]{35}$/, env: "GOOGLE_API_KEY", what: "An API key" },
  { re: /^GOCSPX-[0-9A-Za-z_-]{10,}$/, env: "GOOGLE_CLIENT_SECRET", what: "An OAuth client secret" },
] as const;

const BROWSER_GLOBALS = new Set(["window", "document", "gapi"]);

/** JS/TS string literal value (no escapes), like plainStringValue for Python. */
function jsStringValue(literal: string): string | undefined {
  const m = /^(['"])(.*)\1$/s.exec(literal);
  if (!m || m[2] === undefined || m[2].includes("\\") || m[2].includes("\n")) return undefined;
  return m[2];
}

export const hardcodedSecret: Rule = {
  id: "hardcoded-secret",
  languages: ["python", "js"],
  why: "https://cloud.google.com/docs/authentication/api-keys-best-practices",
  run(ctx) {
    const python = ctx.language === "python";
    // Browser code has no process.env: there the key must come from the page's configuration, by hand.
    const browser =
      !python && findAll(ctx.tree, "VariableName").some((v) => BROWSER_GLOBALS.has(ctx.text(v)));
    const out: RuleOutcome[] = [];
    for (const s of findAll(ctx.tree, "String")) {
      const value = python ? plainStringValue(ctx.text(s)) : jsStringValue(ctx.text(s));
      const kind = value === undefined ? undefined : KINDS.find((k) => k.re.test(value));
      if (!kind) continue;
      const insert = python ? `os.environ["${kind.env}"]` : `process.env.${kind.env}`;
      out.push({
        node: s,
        message: `${kind.what} is written in the code: read it from the ${kind.env} environment variable, and replace the exposed one.`,
        manual: browser
          ? "This looks like browser code: restrict the key in the Cloud console (HTTP referrers, APIs) and load it from your page's configuration; never ship a client secret to a browser."
          : `Replace the literal with ${insert} and set ${kind.env} when you run the program.`,
        edits: browser ? [] : [{ from: s.from, to: s.to, insert }],
        ...(python ? { imports: ["import os"] } : {}),
      });
    }
    return out;
  },
};
