/**
 * js-local-auth: @google-cloud/local-auth is deprecated, and with a current googleapis its client (a second,
 * older google-auth-library) sends requests without an Authorization header. The import of `authenticate` is
 * replaced by a local function of the same name and call shape that runs the explorer's loopback flow on
 * googleapis' own OAuth2 client; every call site stays as it was.
 */
import type { SyntaxNode } from "@lezer/common";

import { childrenOf, findAll } from "../syntax";
import type { Rule, RuleContext, RuleOutcome } from "../types";
import { loopbackAuthenticate } from "./js-loopback-helper";

const PACKAGE = "@google-cloud/local-auth";

function stringValue(ctx: RuleContext, node: SyntaxNode | null | undefined): string | undefined {
  if (node?.name !== "String") return undefined;
  return ctx.text(node).slice(1, -1);
}

/** The local name bound to `exported` of module `pkg` (import { exported as x } / const { exported: x } = require). */
function boundName(
  ctx: RuleContext,
  pkg: string,
  exported: string,
): { stmt: SyntaxNode; local: string; only: boolean } | undefined {
  for (const d of findAll(ctx.tree, "ImportDeclaration")) {
    if (stringValue(ctx, d.getChild("String")) !== pkg) continue;
    const group = d.getChild("ImportGroup");
    if (!group) continue;
    const kids = childrenOf(group).filter((k) => !["{", "}", ","].includes(k.name));
    // VariableName [as VariableDefinition] | VariableDefinition
    const bindings: { exported: string; local: string }[] = [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i] as SyntaxNode;
      if (kids[i + 1]?.name === "as") {
        bindings.push({ exported: ctx.text(k), local: ctx.text(kids[i + 2] as SyntaxNode) });
        i += 2;
      } else bindings.push({ exported: ctx.text(k), local: ctx.text(k) });
    }
    const hit = bindings.find((b) => b.exported === exported);
    if (hit)
      return { stmt: d, local: hit.local, only: bindings.length === 1 && !d.getChild("VariableDefinition") };
  }
  for (const d of findAll(ctx.tree, "VariableDeclaration")) {
    const call = d.getChild("CallExpression");
    const callee = call?.firstChild;
    if (!call || callee?.name !== "VariableName" || ctx.text(callee) !== "require") continue;
    if (stringValue(ctx, call.getChild("ArgList")?.getChild("String")) !== pkg) continue;
    const pattern = d.getChild("ObjectPattern");
    if (!pattern) continue;
    const props = pattern.getChildren("PatternProperty");
    for (const p of props) {
      const def = p.getChild("VariableDefinition");
      const key = p.getChild("PropertyName");
      const local = def ? ctx.text(def) : undefined;
      const exp = key ? ctx.text(key) : local;
      if (exp === exported && local)
        return {
          stmt: d,
          local,
          only: props.length === 1 && d.getChildren("VariableDefinition").length === 0,
        };
    }
  }
  return undefined;
}

function importsOf(ctx: RuleContext, pkg: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const s of findAll(ctx.tree, "String")) {
    if (stringValue(ctx, s) !== pkg) continue;
    const parent = s.parent;
    const isImport = parent?.name === "ImportDeclaration";
    const isRequire =
      parent?.name === "ArgList" && ctx.text(parent.parent?.firstChild as SyntaxNode) === "require";
    if (isImport || isRequire) out.push(s);
  }
  return out;
}

export const jsLocalAuth: Rule = {
  id: "js-local-auth",
  languages: ["js"],
  why: "https://github.com/googleapis/nodejs-local-auth#readme",
  run(ctx) {
    const uses = importsOf(ctx, PACKAGE);
    if (uses.length === 0) return [];
    const message =
      "@google-cloud/local-auth is deprecated and its client sends no Authorization header through a current googleapis: use googleapis' own OAuth2 client with a loopback sign-in.";
    const manual =
      "Remove @google-cloud/local-auth and sign in with google.auth.OAuth2 from googleapis: a local server on 127.0.0.1, generateAuthUrl with PKCE and state, then getToken({code, codeVerifier, redirect_uri}).";
    const binding = boundName(ctx, PACKAGE, "authenticate");
    const google = boundName(ctx, "googleapis", "google");
    const stmtEnd = (n: SyntaxNode): number => n.to;
    if (uses.length !== 1 || !binding || !binding.only || !google)
      return uses.map((u) => ({ node: u, message, manual, edits: [] }));
    const helper = loopbackAuthenticate(
      binding.local,
      google.local,
      ctx.language === "typescript",
      ctx.headless,
    );
    const outcome: RuleOutcome = {
      node: binding.stmt,
      message,
      manual,
      edits: [{ from: binding.stmt.from, to: stmtEnd(binding.stmt), insert: helper }],
    };
    return [outcome];
  },
};
