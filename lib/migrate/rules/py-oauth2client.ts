/**
 * py-oauth2client: oauth2client is deprecated (since 2017) and its flows use the blocked out-of-band redirect.
 * The quickstart shape — `store = file.Storage(TOKEN)`, `creds = store.get()`, `if not creds or creds.invalid:`
 * with `client.flow_from_clientsecrets(SECRETS, SCOPES)` and `tools.run_flow(flow, store)`, then
 * `build(..., http=creds.authorize(Http()))` — is rewritten to google-auth-oauthlib + google-auth with a token
 * file that keeps working (an old oauth2client token.json has refresh_token/client_id/client_secret, which
 * Credentials.from_authorized_user_file reads; it is refreshed and saved in the new format).
 * Any other use of oauth2client is explained and the whole file's oauth2client code is left unchanged.
 */
import type { SyntaxNode } from "@lezer/common";

import { findAll, indentAt } from "../syntax";
import type { Edit, Rule, RuleContext, RuleOutcome } from "../types";
import {
  argNodes,
  assignedName,
  assignedValue,
  descendants,
  keywordArgs,
  methodCall,
  methodCalls,
  statementsOf,
  variableUses,
} from "./python-ast";

const IMPORTS = [
  "import os.path",
  "",
  "from google.auth.transport.requests import Request",
  "from google.oauth2.credentials import Credentials",
  "from google_auth_oauthlib.flow import InstalledAppFlow",
];

function tokenBlock(indent: string, creds: string, token: string, secrets: string, scopes: string): string {
  const lines = [
    `${creds} = None`,
    `# ${token.replace(/\n/g, " ")} keeps the sign-in between runs (an old oauth2client token file works too).`,
    `if os.path.exists(${token}):`,
    `    ${creds} = Credentials.from_authorized_user_file(${token}, ${scopes})`,
    `if not ${creds} or not ${creds}.valid:`,
    `    if ${creds} and ${creds}.refresh_token:`,
    `        ${creds}.refresh(Request())`,
    `    else:`,
    `        flow = InstalledAppFlow.from_client_secrets_file(${secrets}, ${scopes})`,
    `        ${creds} = flow.run_local_server(port=0)`,
    `    with open(${token}, "w") as token_file:`,
    `        token_file.write(${creds}.to_json())`,
  ];
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join("\n");
}

interface Quickstart {
  readonly edits: Edit[];
  /** The oauth2client names the rewrite replaced (their uses inside the replaced ranges). */
  readonly covered: { from: number; to: number }[];
}

function callOf(ctx: RuleContext, node: SyntaxNode | null, callee: string): SyntaxNode | undefined {
  if (node?.name !== "CallExpression") return undefined;
  const c = node.firstChild;
  return c && ctx.text(c).replace(/\s+/g, "") === callee ? node : undefined;
}

/** Finds the quickstart's Storage/get/if block and returns its replacement. */
function quickstart(
  ctx: RuleContext,
  fileName: string,
  clientName: string,
  toolsName: string,
): Quickstart | undefined {
  for (const block of [ctx.tree.topNode, ...findAll(ctx.tree, "Body")]) {
    const stmts = statementsOf(block);
    for (let i = 0; i + 2 < stmts.length; i++) {
      const [storeStmt, getStmt, ifStmt] = [stmts[i], stmts[i + 1], stmts[i + 2]] as SyntaxNode[];
      const store = assignedName(storeStmt as SyntaxNode, ctx);
      const storage = callOf(ctx, assignedValue(storeStmt as SyntaxNode), `${fileName}.Storage`);
      if (!store || !storage) continue;
      const token = argNodes(storage.lastChild as SyntaxNode)[0];
      const creds = assignedName(getStmt as SyntaxNode, ctx);
      if (!token || !creds || !callOf(ctx, assignedValue(getStmt as SyntaxNode), `${store}.get`)) continue;
      if (ifStmt?.name !== "IfStatement") continue;
      const cond = ctx.text(ifStmt).split(":")[0]?.replace(/\s+/g, " ").trim();
      if (cond !== `if not ${creds} or ${creds}.invalid`) continue;
      const body = ifStmt.lastChild;
      if (body?.name !== "Body" || ifStmt.getChildren("elif").length + ifStmt.getChildren("else").length > 0)
        continue;
      const inner = statementsOf(body);
      if (inner.length !== 2) continue;
      const flowVar = assignedName(inner[0] as SyntaxNode, ctx);
      const flowCall = callOf(
        ctx,
        assignedValue(inner[0] as SyntaxNode),
        `${clientName}.flow_from_clientsecrets`,
      );
      const runCall = callOf(ctx, assignedValue(inner[1] as SyntaxNode), `${toolsName}.run_flow`);
      if (!flowVar || !flowCall || !runCall || assignedName(inner[1] as SyntaxNode, ctx) !== creds) continue;
      const [secrets, scopes] = argNodes(flowCall.lastChild as SyntaxNode);
      if (!secrets || !scopes || (scopes.name === "VariableName" && ctx.text(scopes) === "scope")) continue;
      if (argNodes(flowCall.lastChild as SyntaxNode).length !== 2) continue;
      const replacement = tokenBlock(
        indentAt(ctx.source, (storeStmt as SyntaxNode).from),
        creds,
        ctx.text(token),
        ctx.text(secrets),
        ctx.text(scopes),
      );
      const range = { from: (storeStmt as SyntaxNode).from, to: ifStmt.to };
      // The if block's Body ends after its newline; keep one newline.
      const end = ctx.source[range.to - 1] === "\n" ? range.to - 1 : range.to;
      return { edits: [{ from: range.from, to: end, insert: replacement }], covered: [range] };
    }
  }
  return undefined;
}

/** `http=creds.authorize(Http())` keyword arguments → `credentials=creds`. */
function authorizeCalls(ctx: RuleContext): { edit: Edit; range: { from: number; to: number } }[] {
  const out: { edit: Edit; range: { from: number; to: number } }[] = [];
  for (const args of findAll(ctx.tree, "ArgList")) {
    for (const kw of keywordArgs(args, ctx)) {
      if (ctx.text(kw.name) !== "http") continue;
      const m = methodCall(kw.value, ctx);
      if (!m || ctx.text(m.property) !== "authorize" || m.object.name !== "VariableName") continue;
      const inner = argNodes(m.args);
      if (inner.length !== 1 || !/^(httplib2\.)?Http\(\)$/.test(ctx.text(inner[0] as SyntaxNode))) continue;
      const range = { from: kw.name.from, to: kw.value.to };
      out.push({ edit: { ...range, insert: `credentials=${ctx.text(m.object)}` }, range });
    }
  }
  return out;
}

export const pyOauth2client: Rule = {
  id: "py-oauth2client",
  languages: ["python"],
  why: "https://google-auth.readthedocs.io/en/latest/oauth2client-deprecation.html",
  run(ctx) {
    const imports = findAll(ctx.tree, "ImportStatement").filter((s) => {
      const mod = s.firstChild?.nextSibling;
      return mod !== null && mod !== undefined && /^oauth2client\b/.test(ctx.text(mod));
    });
    if (imports.length === 0) return [];
    const message =
      "oauth2client is deprecated and its sign-in uses the blocked out-of-band flow: use google-auth-oauthlib and google-auth.";
    const manual =
      "Replace oauth2client with google-auth-oauthlib's InstalledAppFlow.from_client_secrets_file(...).run_local_server(port=0), " +
      "google.oauth2.credentials.Credentials for the token file, and pass credentials=creds to build() instead of http=creds.authorize(Http()).";
    const outcome = (
      node: SyntaxNode,
      edits: Edit[] = [],
      extra: Partial<RuleOutcome> = {},
    ): RuleOutcome => ({
      node,
      message,
      manual,
      edits,
      ...extra,
    });

    // Only the quickstart import is rewritable: `from oauth2client import file, client, tools` (any subset, no aliases).
    const only = imports.length === 1 ? imports[0] : undefined;
    const names = only
      ? descendants(ctx, only, "VariableName")
          .slice(1)
          .map((n) => ctx.text(n))
      : [];
    const plain =
      only &&
      ctx.text(only.firstChild as SyntaxNode) === "from" &&
      !/\bas\b/.test(ctx.text(only)) &&
      ctx.text(only.firstChild?.nextSibling as SyntaxNode) === "oauth2client" &&
      names.length > 0 &&
      names.every((n) => ["file", "client", "tools"].includes(n));
    const qs = plain ? quickstart(ctx, "file", "client", "tools") : undefined;
    const auth = authorizeCalls(ctx);
    if (!only || !qs) return imports.map((s) => outcome(s));

    // Every other use of the imported names must be inside a replaced range, or nothing is changed.
    const covered = [...qs.covered, ...auth.map((a) => a.range), { from: only.from, to: only.to }];
    const leftover = names.some((n) =>
      variableUses(ctx, n).some((u) => !covered.some((r) => r.from <= u.from && u.to <= r.to)),
    );
    const leftoverAuthorize = methodCalls(ctx, "authorize").length > auth.length;
    if (leftover || leftoverAuthorize) return imports.map((s) => outcome(s));

    // The import statement becomes the new imports, in place (so other fixes can still add theirs after it).
    const edits: Edit[] = [
      { from: only.from, to: only.to, insert: IMPORTS.join("\n") },
      ...qs.edits,
      ...auth.map((a) => a.edit),
    ];
    return [outcome(only, edits)];
  },
};
