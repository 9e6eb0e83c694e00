/**
 * js-oob-code-prompt: Node quickstarts that print an auth URL and read the code back with readline (with the
 * out-of-band redirect from an old credentials.json, or written in the code). Google blocks that flow.
 * The callback quickstart shape — `const authUrl = client.generateAuthUrl(OPTS)`, console.log, readline's
 * createInterface, `rl.question(prompt, (code) => { rl.close(); client.getToken(code, CB); })` — is rewritten:
 * those statements become `loopbackGetToken(client, OPTS)` handing the tokens to the user's own CB, and the
 * readline require becomes that helper (the explorer's loopback flow: 127.0.0.1:0, PKCE, state). Any other
 * shape, and TypeScript, is explained and left unchanged.
 */
import type { SyntaxNode } from "@lezer/common";

import { childrenOf, findAll, indentAt } from "../syntax";
import type { Edit, Rule, RuleContext, RuleOutcome } from "../types";
import { LOOPBACK_GET_TOKEN, loopbackGetToken } from "./js-loopback-helper";

const OOB = "urn:ietf:wg:oauth:2.0:oob";

function args(call: SyntaxNode): SyntaxNode[] {
  const list = call.getChild("ArgList");
  return list ? childrenOf(list).filter((c) => !["(", ")", ","].includes(c.name)) : [];
}

/** `obj.prop(...)` → [obj text, prop text] for a CallExpression. */
function memberCall(ctx: RuleContext, call: SyntaxNode | null | undefined): [string, string] | undefined {
  if (call?.name !== "CallExpression") return undefined;
  const m = call.firstChild;
  if (
    m?.name !== "MemberExpression" ||
    m.firstChild?.name !== "VariableName" ||
    m.lastChild?.name !== "PropertyName"
  )
    return undefined;
  return [ctx.text(m.firstChild), ctx.text(m.lastChild)];
}

function statements(block: SyntaxNode): SyntaxNode[] {
  return childrenOf(block).filter(
    (c) => c.name !== "{" && c.name !== "}" && c.name !== "LineComment" && c.name !== "BlockComment",
  );
}

/** `const NAME = require('readline')` (or 'node:readline'): the statement and NAME. */
function readlineRequire(ctx: RuleContext): { stmt: SyntaxNode; name: string } | undefined {
  for (const d of findAll(ctx.tree, "VariableDeclaration")) {
    const def = d.getChild("VariableDefinition");
    const call = d.getChild("CallExpression");
    if (!def || call?.firstChild?.name !== "VariableName" || ctx.text(call.firstChild) !== "require")
      continue;
    const [arg] = args(call);
    if (arg?.name === "String" && ["readline", "node:readline"].includes(ctx.text(arg).slice(1, -1)))
      return { stmt: d, name: ctx.text(def) };
  }
  return undefined;
}

function rewriteCallbackPrompt(ctx: RuleContext, question: SyntaxNode): Edit[] | undefined {
  if (ctx.language !== "javascript") return undefined;
  const call = question.parent;
  const stmtQ = call?.parent;
  const block = stmtQ?.parent;
  if (!call || stmtQ?.name !== "ExpressionStatement" || block?.name !== "Block") return undefined;
  const rl = memberCall(ctx, call)?.[0];
  const [, callback] = args(call);
  if (!rl || !callback || !["ArrowFunction", "FunctionExpression"].includes(callback.name)) return undefined;
  const params = callback.getChild("ParamList")?.getChildren("VariableDefinition") ?? [];
  const body = callback.getChild("Block");
  if (params.length !== 1 || !body) return undefined;
  const codeName = ctx.text(params[0] as SyntaxNode);
  const inner = statements(body);
  if (inner.length !== 2) return undefined;
  const closes = inner.find((s) => ctx.text(s).replace(/\s+/g, "") === `${rl}.close();`);
  const getTokenStmt = inner.find((s) => s !== closes);
  const getToken = getTokenStmt?.name === "ExpressionStatement" ? getTokenStmt.firstChild : null;
  const gt = memberCall(ctx, getToken);
  const gtArgs = getToken ? args(getToken) : [];
  if (
    !closes ||
    !gt ||
    gt[1] !== "getToken" ||
    gtArgs.length !== 2 ||
    ctx.text(gtArgs[0] as SyntaxNode) !== codeName
  )
    return undefined;
  const client = gt[0];
  const cb = gtArgs[1] as SyntaxNode;

  const stmts = statements(block);
  const qi = stmts.findIndex((s) => s.from === stmtQ.from);
  const ai = stmts.findIndex((s) => {
    const c = s.name === "VariableDeclaration" ? s.getChild("CallExpression") : null;
    const mc = memberCall(ctx, c);
    return mc?.[0] === client && mc[1] === "generateAuthUrl" && args(c as SyntaxNode).length === 1;
  });
  if (ai === -1 || ai > qi) return undefined;
  const readline = readlineRequire(ctx);
  if (!readline) return undefined;
  const between = stmts.slice(ai + 1, qi);
  const ok = between.every((s) => {
    if (s.name === "ExpressionStatement") return memberCall(ctx, s.firstChild)?.join(".") === "console.log";
    const c = s.name === "VariableDeclaration" ? s.getChild("CallExpression") : null;
    return memberCall(ctx, c)?.join(".") === `${readline.name}.createInterface`;
  });
  if (!ok) return undefined;
  const authStmt = stmts[ai] as SyntaxNode;
  const range = { from: authStmt.from, to: stmtQ.to };
  // readline must not be used anywhere else (its require becomes the helper), and `onToken` must be free.
  const others = findAll(ctx.tree, "VariableName").filter((v) => ctx.text(v) === readline.name);
  if (others.some((v) => v.from < range.from || v.to > range.to)) return undefined;
  if (findAll(ctx.tree, "VariableName", "VariableDefinition").some((v) => ctx.text(v) === "onToken"))
    return undefined;

  const indent = indentAt(ctx.source, authStmt.from);
  const extra = indentAt(ctx.source, (getTokenStmt as SyntaxNode).from).slice(indent.length);
  const cbText = ctx
    .text(cb)
    .split("\n")
    .map((l, i) => (i > 0 && l.startsWith(indent + extra) ? l.slice(extra.length) : l))
    .join("\n");
  const options = ctx.text(args(authStmt.getChild("CallExpression") as SyntaxNode)[0] as SyntaxNode);
  const replacement =
    `const onToken = ${cbText};\n` +
    `${indent}${LOOPBACK_GET_TOKEN}(${client}, ${options}).then((token) => onToken(null, token), (err) => onToken(err));`;
  return [
    { ...range, insert: replacement },
    { from: readline.stmt.from, to: readline.stmt.to, insert: loopbackGetToken(false, "") },
  ];
}

export const jsOobCodePrompt: Rule = {
  id: "js-oob-code-prompt",
  languages: ["js"],
  why: "https://developers.google.com/identity/protocols/oauth2/resources/oob-migration",
  run(ctx) {
    const manual =
      "Start a local server on 127.0.0.1:0, pass redirect_uri: http://127.0.0.1:<port> (with PKCE and state) to generateAuthUrl, open the URL, read the code from the request to your server and call getToken({code, codeVerifier, redirect_uri}). The explorer's TypeScript snippets show the whole flow.";
    const out: RuleOutcome[] = [];
    const members = findAll(ctx.tree, "MemberExpression");
    const prop = (m: SyntaxNode): string =>
      m.lastChild?.name === "PropertyName" ? ctx.text(m.lastChild) : "";
    const makesAuthUrl = members.some((m) => prop(m) === "generateAuthUrl");
    for (const s of findAll(ctx.tree, "String")) {
      const v = ctx.text(s).slice(1, -1);
      if (v === OOB || v === `${OOB}:auto`)
        out.push({
          node: s,
          message: "The out-of-band redirect (urn:ietf:wg:oauth:2.0:oob) is blocked by Google.",
          manual,
          edits: [],
        });
    }
    if (makesAuthUrl)
      for (const m of members) {
        if (prop(m) !== "question" || m.parent?.name !== "CallExpression") continue;
        out.push({
          node: m,
          message:
            "Pasting the code back into a prompt only works with the blocked out-of-band flow: use a loopback redirect.",
          manual,
          edits: rewriteCallbackPrompt(ctx, m) ?? [],
        });
      }
    return out;
  },
};
