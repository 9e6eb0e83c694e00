/**
 * py-oob-redirect: the out-of-band redirect URI `urn:ietf:wg:oauth:2.0:oob` (Google answers "Error 400:
 * invalid_request … The out-of-band (OOB) flow has been blocked"), directly or through a variable, with the
 * copy-the-code steps that go with it: authorization_url() … input() … fetch_token(code=…).
 * Rewritten when those steps are consecutive statements of one block: they become flow.run_local_server(port=0)
 * (or the headless sign-in) and the redirect_uri goes; anything else is explained and left unchanged.
 */
import type { SyntaxNode } from "@lezer/common";

import { findAll, plainStringValue, wholeLines } from "../syntax";
import type { Edit, Rule, RuleContext, RuleOutcome } from "../types";
import { PY_HEADLESS_HELPER, PY_HEADLESS_HELPER_NAME, PY_HEADLESS_IMPORTS } from "./python-headless";
import {
  assignedName,
  containsCallOf,
  descendants,
  keywordArgs,
  methodCall,
  removeArgRange,
  statementOf,
  statementsOf,
  variableUses,
} from "./python-ast";

const OOB = "urn:ietf:wg:oauth:2.0:oob";
const SIMPLE_STATEMENTS = new Set(["AssignStatement", "ExpressionStatement"]);

function isOob(ctx: RuleContext, node: SyntaxNode): boolean {
  if (node.name !== "String") return false;
  const v = plainStringValue(ctx.text(node));
  return v === OOB || v === `${OOB}:auto`;
}

/** A place the OOB URI is used as the redirect URI, with the flow variable and the edit that removes it. */
interface Use {
  readonly at: SyntaxNode;
  readonly flow: string | undefined;
  readonly remove: Edit | undefined;
  /** `Flow.from_client_secrets_file`: the `Flow` name to change into InstalledAppFlow for run_local_server. */
  readonly plainFlowName?: SyntaxNode;
}

/** The `Flow` in `flow = Flow.from_client_secrets_file(...)` / `Flow.from_client_config(...)`, if that made `flow`. */
function plainFlowCreation(ctx: RuleContext, flow: string): SyntaxNode | undefined {
  for (const stmt of findAll(ctx.tree, "AssignStatement")) {
    if (assignedName(stmt, ctx) !== flow) continue;
    const callee = stmt.lastChild?.name === "CallExpression" ? stmt.lastChild.firstChild : null;
    const object = callee?.name === "MemberExpression" ? callee.firstChild : null;
    if (object?.name === "VariableName" && ctx.text(object) === "Flow") return object;
  }
  return undefined;
}

/** `value` is `redirect_uri=value` in a call, or `x.redirect_uri = value`. */
function redirectUseOf(ctx: RuleContext, value: SyntaxNode): Use | undefined {
  const parent = value.parent;
  if (parent?.name === "ArgList") {
    const kw = keywordArgs(parent, ctx).find((k) => k.value.from === value.from);
    if (!kw || ctx.text(kw.name) !== "redirect_uri") return undefined;
    const call = parent.parent;
    // oauth2client's flows are rewritten as a whole by py-oauth2client (and explained there otherwise).
    const calleeName = call?.firstChild ? ctx.text(call.firstChild) : "";
    if (/(^|\.)(OAuth2WebServerFlow|flow_from_clientsecrets)$/.test(calleeName)) return undefined;
    const stmt = call ? statementOf(call) : null;
    const flow = stmt ? assignedName(stmt, ctx) : undefined;
    const callee = call?.firstChild;
    const calleeObject = callee?.name === "MemberExpression" ? callee.firstChild : null;
    const plainFlowName =
      calleeObject?.name === "VariableName" && ctx.text(calleeObject) === "Flow" ? calleeObject : undefined;
    return {
      at: value,
      flow,
      remove: { ...removeArgRange(parent, kw.name, kw.value), insert: "" },
      ...(plainFlowName ? { plainFlowName } : {}),
    };
  }
  if (parent?.name === "AssignStatement" && parent.lastChild?.from === value.from) {
    const target = parent.firstChild;
    if (target?.name !== "MemberExpression" || target.lastChild?.name !== "PropertyName") return undefined;
    if (ctx.text(target.lastChild) !== "redirect_uri") return undefined;
    const lines = wholeLines(ctx.source, parent.from, parent.to);
    const flow = ctx.text(target.firstChild as SyntaxNode);
    const plainFlowName = plainFlowCreation(ctx, flow);
    return {
      at: value,
      flow,
      remove: lines ? { ...lines, insert: "" } : undefined,
      ...(plainFlowName ? { plainFlowName } : {}),
    };
  }
  return undefined;
}

/** A simple statement (not a def/if/with…) that calls `flow.method(...)`. */
function callsMethodOn(ctx: RuleContext, stmt: SyntaxNode, flow: string, method: string): boolean {
  if (!SIMPLE_STATEMENTS.has(stmt.name)) return false;
  return descendants(ctx, stmt, "CallExpression").some((c) => {
    const m = methodCall(c, ctx);
    return m !== undefined && ctx.text(m.object) === flow && ctx.text(m.property) === method;
  });
}

/** The consecutive statements authorization_url() … input() … fetch_token() of `flow`, in one block. */
function copyTheCodeSteps(
  ctx: RuleContext,
  flow: string,
): { from: number; to: number; block: SyntaxNode } | undefined {
  for (const block of [ctx.tree.topNode, ...findAll(ctx.tree, "Body")]) {
    const stmts = statementsOf(block);
    const start = stmts.findIndex((s) => callsMethodOn(ctx, s, flow, "authorization_url"));
    if (start === -1) continue;
    const end = stmts.findIndex((s, i) => i > start && callsMethodOn(ctx, s, flow, "fetch_token"));
    if (end === -1) continue;
    const between = stmts.slice(start + 1, end);
    if (!between.some((s) => containsCallOf(s, "input", ctx))) continue;
    // Only the sign-in dance may sit in between (printing/opening the URL, reading the code).
    const allowed = between.every(
      (s) =>
        /^(print|input|webbrowser\.open|[A-Za-z_]\w*\s*=\s*input)\b/.test(ctx.text(s)) ||
        /\binput\s*\(/.test(ctx.text(s)),
    );
    if (!allowed) continue;
    const first = stmts[start] as SyntaxNode;
    const last = stmts[end] as SyntaxNode;
    return { from: first.from, to: last.to, block };
  }
  return undefined;
}

export const pyOobRedirect: Rule = {
  id: "py-oob-redirect",
  languages: ["python"],
  why: "https://developers.google.com/identity/protocols/oauth2/resources/oob-migration",
  run(ctx) {
    const uses: Use[] = [];
    for (const s of findAll(ctx.tree, "String")) {
      if (!isOob(ctx, s)) continue;
      const direct = redirectUseOf(ctx, s);
      if (direct) {
        uses.push(direct);
        continue;
      }
      // OOB = "urn:…" at the top level, used later as redirect_uri=OOB.
      const stmt = s.parent;
      const name = stmt && stmt.parent?.name === "Script" ? assignedName(stmt, ctx) : undefined;
      if (!name || stmt?.lastChild?.from !== s.from) continue;
      for (const v of variableUses(ctx, name)) {
        if (v.from === stmt.firstChild?.from) continue;
        const u = redirectUseOf(ctx, v);
        if (u) uses.push(u);
      }
    }
    return uses.map((use): RuleOutcome => {
      const flowName = use.flow ?? "flow";
      const replacement = ctx.headless
        ? `${PY_HEADLESS_HELPER_NAME}(${flowName})`
        : `${flowName}.run_local_server(port=0)`;
      const base = {
        node: use.at,
        message:
          "The out-of-band redirect (urn:ietf:wg:oauth:2.0:oob) is blocked by Google: sign in with the loopback flow.",
        manual: `Drop the redirect_uri and replace the copy-the-code steps (authorization_url … input() … fetch_token) with ${replacement}.`,
      };
      const steps = use.flow ? copyTheCodeSteps(ctx, use.flow) : undefined;
      if (!steps || !use.remove) return { ...base, edits: [] };
      const edits: Edit[] = [use.remove, { from: steps.from, to: steps.to, insert: replacement }];
      const imports: string[] = [];
      if (ctx.headless)
        return { ...base, edits, imports: [...PY_HEADLESS_IMPORTS], definitions: [PY_HEADLESS_HELPER] };
      if (use.plainFlowName) {
        // run_local_server is a method of InstalledAppFlow, not of Flow.
        edits.push({ from: use.plainFlowName.from, to: use.plainFlowName.to, insert: "InstalledAppFlow" });
        imports.push("from google_auth_oauthlib.flow import InstalledAppFlow");
      }
      return { ...base, edits, imports };
    });
  },
};
