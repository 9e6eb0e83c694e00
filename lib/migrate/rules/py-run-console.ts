/**
 * py-run-console: `flow.run_console()` was removed in google-auth-oauthlib 1.0.0 (it used the out-of-band flow
 * Google blocked) → `flow.run_local_server(port=0)`, or the headless sign-in when the user chooses "no browser"
 * or the file itself prompts for a code with input().
 * Arguments: run_console(authorization_prompt_message, authorization_code_message, **kwargs) passed kwargs to
 * authorization_url(); run_local_server keeps authorization_prompt_message (same `{url}` format) and the kwargs,
 * and has no code prompt, so authorization_code_message goes. A keyword that run_local_server would take for
 * itself (host, open_browser, …) would change meaning: then the call is explained and left as it was.
 * @see https://github.com/googleapis/google-auth-oauthlib/blob/v0.8.0/google_auth_oauthlib/flow.py (run_console)
 * @see .venv/lib/python3.11/site-packages/google_auth_oauthlib/flow.py (run_local_server)
 */
import type { SyntaxNode } from "@lezer/common";

import { childrenOf } from "../syntax";
import type { Edit, Rule, RuleContext, RuleOutcome } from "../types";
import { PY_HEADLESS_HELPER, PY_HEADLESS_HELPER_NAME, PY_HEADLESS_IMPORTS } from "./python-headless";
import { containsCallOf, isEmptyArgList, methodCalls, removeArgRange, type MethodCall } from "./python-ast";

/** run_local_server's own parameters (other than the prompt message): a kwarg by one of these names changes meaning. */
const LOCAL_SERVER_PARAMS = new Set([
  "host",
  "bind_addr",
  "port",
  "success_message",
  "open_browser",
  "redirect_uri_trailing_slash",
  "timeout_seconds",
  "token_audience",
  "browser",
]);
const PROMPT = "authorization_prompt_message";
const CODE_PROMPT = "authorization_code_message";
/** Values that can be dropped without losing a side effect. */
const PURE = new Set(["String", "VariableName", "FormatString"]);

interface Arg {
  readonly keyword?: SyntaxNode;
  readonly value: SyntaxNode;
  /** `**kwargs` */
  readonly spread?: boolean;
}

function argsOf(list: SyntaxNode, ctx: RuleContext): Arg[] | undefined {
  const kids = childrenOf(list).filter((k) => k.name !== "(" && k.name !== ")");
  const out: Arg[] = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i] as SyntaxNode;
    if (k.name === ",") continue;
    if (k.name === "**") {
      const v = kids[i + 1];
      if (!v) return undefined;
      out.push({ value: v, spread: true });
      i++;
    } else if (kids[i + 1]?.name === "AssignOp" && ctx.text(kids[i + 1] as SyntaxNode) === "=") {
      const v = kids[i + 2];
      if (k.name !== "VariableName" || !v) return undefined;
      out.push({ keyword: k, value: v });
      i += 2;
    } else if (k.name === "*") return undefined;
    else out.push({ value: k });
  }
  return out;
}

/** The edits that turn run_console(ARGS) into run_local_server(port=0, KEPT ARGS); undefined when unsafe. */
function loopbackWithArgs(ctx: RuleContext, m: MethodCall): Edit[] | undefined {
  const list = argsOf(m.args, ctx);
  if (!list) return undefined;
  const open = m.args.firstChild as SyntaxNode;
  const first = list[0];
  // The first positional message gets its keyword in the same insertion when it follows "(" directly.
  const merged = first && !first.keyword && !first.spread && first.value.from === open.to;
  const edits: Edit[] = [
    { from: m.property.from, to: m.property.to, insert: "run_local_server" },
    { from: open.to, to: open.to, insert: merged ? `port=0, ${PROMPT}=` : "port=0, " },
  ];
  let positional = 0;
  for (const a of list) {
    const name = a.keyword ? ctx.text(a.keyword) : undefined;
    if (a.spread) continue;
    if (!a.keyword) {
      positional += 1;
      if (positional === 1) {
        if (!merged) edits.push({ from: a.value.from, to: a.value.from, insert: `${PROMPT}=` });
      } else if (positional === 2 && PURE.has(a.value.name))
        edits.push({ ...removeArgRange(m.args, a.value, a.value), insert: "" });
      else return undefined;
    } else if (name === CODE_PROMPT) {
      if (!PURE.has(a.value.name)) return undefined;
      edits.push({ ...removeArgRange(m.args, a.keyword, a.value), insert: "" });
    } else if (name && LOCAL_SERVER_PARAMS.has(name)) return undefined;
  }
  return edits;
}

/** Headless: the helper prints its own messages, so only the two prompt messages may be dropped. */
function headlessWithArgs(ctx: RuleContext, m: MethodCall): boolean {
  const list = argsOf(m.args, ctx);
  if (!list || list.length > 2) return false;
  return list.every(
    (a, i) =>
      !a.spread &&
      PURE.has(a.value.name) &&
      (a.keyword ? [PROMPT, CODE_PROMPT].includes(ctx.text(a.keyword)) : i < 2),
  );
}

export const pyRunConsole: Rule = {
  id: "py-run-console",
  languages: ["python"],
  why: "https://github.com/googleapis/google-auth-oauthlib/releases/tag/v1.0.0",
  run(ctx) {
    const headless = ctx.headless || containsCallOf(ctx.tree.topNode, "input", ctx);
    return methodCalls(ctx, "run_console").map((m): RuleOutcome => {
      const flow = ctx.text(m.object);
      const manual = headless
        ? `Replace ${flow}.run_console(…) with a sign-in that prints the URL and reads the redirected address (see the headless flow).`
        : `Replace ${flow}.run_console(…) with ${flow}.run_local_server(port=0, …): keep authorization_prompt_message and the authorization_url() keywords, drop authorization_code_message.`;
      const base = {
        node: m.call,
        message: `run_console() no longer exists (removed in google-auth-oauthlib 1.0): use the ${headless ? "headless" : "loopback"} sign-in.`,
        manual,
      };
      const noArgs = isEmptyArgList(m.args);
      if (headless) {
        if (!noArgs && !headlessWithArgs(ctx, m)) return { ...base, edits: [] };
        return {
          ...base,
          edits: [{ from: m.call.from, to: m.call.to, insert: `${PY_HEADLESS_HELPER_NAME}(${flow})` }],
          imports: PY_HEADLESS_IMPORTS,
          definitions: [PY_HEADLESS_HELPER],
        };
      }
      if (noArgs)
        return {
          ...base,
          edits: [{ from: m.property.from, to: m.args.to, insert: "run_local_server(port=0)" }],
        };
      return { ...base, edits: loopbackWithArgs(ctx, m) ?? [] };
    });
  },
};
