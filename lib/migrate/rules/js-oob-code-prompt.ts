/**
 * js-oob-code-prompt: Node quickstarts that print an auth URL and read the code back with readline (with the
 * out-of-band redirect from an old credentials.json, or written in the code). Google blocks that flow.
 * Two shapes are rewritten, in JavaScript and TypeScript; any other is explained and left unchanged:
 * - callback: `const authUrl = client.generateAuthUrl(OPTS)`, console.log, createInterface,
 *   `rl.question(prompt, (code) => { rl.close(); client.getToken(code, CB); })` → the helper's tokens fed to CB;
 * - async/await: `const url = client.generateAuthUrl(OPTS)`, console.log, createInterface,
 *   `const code = await rl.question(prompt)` (readline/promises) or `await new Promise((resolve) =>
 *   rl.question(prompt, resolve))`, `rl.close()`, then `await client.getToken(code)` → `await HELPER(client, OPTS)`,
 *   which resolves what getToken did ({ tokens, res }), so the user's next lines stay as they were.
 * The helper (after the file's imports) is the explorer's loopback sign-in (127.0.0.1:0, PKCE, state), or the headless one (`--headless`).
 * The out-of-band redirect URI passed to the OAuth2 constructor goes (the helper sets its own), with an `OOB`
 * constant and imports (readline, process.stdin) that the rewrite leaves provably unused.
 */
import type { SyntaxNode } from "@lezer/common";

import { childrenOf, findAll, indentAt, plainStringValue, wholeLines } from "../syntax";
import type { Edit, Rule, RuleContext, RuleOutcome } from "../types";
import {
  args,
  bindingOf,
  inside,
  memberCall,
  moduleBindings,
  references,
  statementOf,
  statements,
  unusedImportRemovals,
  type Range,
} from "./js-ast";
import { getTokenHelper, getTokenHelperName } from "./js-loopback-helper";

const OOB = "urn:ietf:wg:oauth:2.0:oob";
const READLINE = ["readline", "node:readline", "readline/promises", "node:readline/promises"];

function isOobString(ctx: RuleContext, n: SyntaxNode): boolean {
  if (n.name !== "String") return false;
  const v = plainStringValue(ctx.text(n));
  return v === OOB || v === `${OOB}:auto`;
}

/** `new …OAuth2(…)` / `new OAuth2Client(…)`. */
function isOAuth2New(ctx: RuleContext, n: SyntaxNode | null | undefined): boolean {
  if (n?.name !== "NewExpression") return false;
  const callee = n.firstChild?.nextSibling;
  return callee !== null && callee !== undefined && /(^|\.)(OAuth2|OAuth2Client)$/.test(ctx.text(callee));
}

/** The edit that drops `value` as the redirect URI of an OAuth2 constructor (3rd argument or redirectUri:). */
function dropRedirect(ctx: RuleContext, value: SyntaxNode): Edit | undefined {
  const parent = value.parent;
  if (parent?.name === "ArgList" && isOAuth2New(ctx, parent.parent)) {
    const list = args(parent.parent as SyntaxNode);
    const i = list.findIndex((a) => a.from === value.from);
    if (i !== 2 || list.length !== 3) return undefined;
    return { from: (list[1] as SyntaxNode).to, to: value.to, insert: "" };
  }
  const prop = parent?.name === "Property" ? parent : null;
  const key = prop?.firstChild;
  const obj = prop?.parent;
  if (
    !prop ||
    !key ||
    !/^["']?redirect(Uri|_uri)["']?$/.test(ctx.text(key)) ||
    obj?.name !== "ObjectExpression"
  )
    return undefined;
  if (obj.parent?.name !== "ArgList" || !isOAuth2New(ctx, obj.parent.parent)) return undefined;
  const kids = childrenOf(obj);
  const at = kids.findIndex((k) => k.from === prop.from);
  const after = kids[at + 1];
  const before = kids[at - 1];
  if (after?.name === ",") {
    const next = kids[at + 2];
    return { from: prop.from, to: next && next.name !== "}" ? next.from : after.to, insert: "" };
  }
  if (before?.name === ",") return { from: before.from, to: prop.to, insert: "" };
  return undefined;
}

/**
 * Edits that take every out-of-band URI out of the file (constructor arguments and an `OOB` constant used only
 * there or in `removed`); undefined when one of them is used some other way.
 */
function oobRemovals(ctx: RuleContext, removed: readonly Range[]): Edit[] | undefined {
  const edits: Edit[] = [];
  for (const s of findAll(ctx.tree, "String").filter((n) => isOobString(ctx, n))) {
    if (removed.some((r) => inside(s, r))) continue;
    const direct = dropRedirect(ctx, s);
    if (direct) {
      edits.push(direct);
      continue;
    }
    // const OOB = 'urn:…' at the top level, used only as a constructor's redirect URI (or in removed code).
    const decl = s.parent;
    const def = decl?.getChild("VariableDefinition");
    if (decl?.name !== "VariableDeclaration" || decl.parent?.name !== "Script" || !def) return undefined;
    if (decl.getChildren("VariableDefinition").length !== 1) return undefined;
    const lines = wholeLines(ctx.source, decl.from, decl.to);
    if (!lines) return undefined;
    for (const use of references(ctx, ctx.text(def))) {
      if (removed.some((r) => inside(use, r))) continue;
      const drop = use.name === "VariableName" ? dropRedirect(ctx, use) : undefined;
      if (!drop) return undefined;
      edits.push(drop);
    }
    edits.push({ ...lines, insert: "" });
  }
  return edits;
}

/** `NAME = require(readline…)` / `import * as NAME` / `import { createInterface }`: whether `callee` is readline's createInterface. */
function isCreateInterface(ctx: RuleContext, call: SyntaxNode | null | undefined): boolean {
  if (call?.name !== "CallExpression") return false;
  const callee = call.firstChild;
  const base =
    callee?.name === "VariableName"
      ? ctx.text(callee) === "createInterface"
        ? "createInterface"
        : undefined
      : memberCall(ctx, call)?.[1] === "createInterface"
        ? memberCall(ctx, call)?.[0]
        : undefined;
  const binding = base ? bindingOf(ctx, base) : undefined;
  return binding !== undefined && READLINE.includes(binding.module);
}

/** A `const X = …` declaration with one name: the name and the value. */
function singleDeclaration(stmt: SyntaxNode | undefined): { def: SyntaxNode; value: SyntaxNode } | undefined {
  if (stmt?.name !== "VariableDeclaration") return undefined;
  const defs = stmt.getChildren("VariableDefinition");
  const eq = stmt.getChild("Equals");
  const value = eq?.nextSibling;
  if (defs.length !== 1 || !value || stmt.getChildren("Equals").length !== 1) return undefined;
  return { def: defs[0] as SyntaxNode, value };
}

/** `const URL = CLIENT.generateAuthUrl(OPTS)`: CLIENT and OPTS. */
function authUrlStatement(
  ctx: RuleContext,
  stmt: SyntaxNode | undefined,
): { client: string; url: string; options: SyntaxNode } | undefined {
  const d = singleDeclaration(stmt);
  const mc = memberCall(ctx, d?.value);
  const opts = d ? args(d.value) : [];
  if (!d || mc?.[1] !== "generateAuthUrl" || opts.length !== 1) return undefined;
  return { client: mc[0], url: ctx.text(d.def), options: opts[0] as SyntaxNode };
}

/** Statements that only print the URL, make the prompt or close it. */
function isPromptChore(ctx: RuleContext, s: SyntaxNode, rl: string): boolean {
  if (s.name === "ExpressionStatement") {
    const mc = memberCall(ctx, s.firstChild)?.join(".");
    return mc === "console.log" || mc === `${rl}.close`;
  }
  const d = singleDeclaration(s);
  return d !== undefined && ctx.text(d.def) === rl && isCreateInterface(ctx, d.value);
}

/** The calls a promise wrapper around rl.question may make: the question, close, resolve, trim. */
function isPlainPromptWrapper(ctx: RuleContext, wrapper: SyntaxNode, rl: string): boolean {
  const params = new Set(
    findAll(ctx.tree, "VariableDefinition")
      .filter((d) => inside(d, wrapper))
      .map((d) => ctx.text(d)),
  );
  return findAll(ctx.tree, "CallExpression")
    .filter((c) => inside(c, wrapper))
    .every((c) => {
      const callee = c.firstChild;
      if (callee?.name === "VariableName") return params.has(ctx.text(callee));
      const mc = memberCall(ctx, c);
      if (mc && mc[0] === rl) return mc[1] === "question" || mc[1] === "close";
      return callee?.name === "MemberExpression" && ctx.text(callee.lastChild as SyntaxNode) === "trim";
    });
}

interface Rewrite {
  readonly edits: Edit[];
  /** The out-of-band strings the edits take away (reported with the prompt, not on their own). */
  readonly oob: Range[];
}

/** The code variable of `const CODE = await rl.question(P)` or `= await new Promise(… rl.question(P, …) …)`. */
function awaitedQuestion(
  ctx: RuleContext,
  question: SyntaxNode,
  rl: string,
): { stmt: SyntaxNode; code: string } | undefined {
  const stmt = statementOf(question);
  const d = singleDeclaration(stmt ?? undefined);
  if (!stmt || !d || d.def.parent?.name !== "VariableDeclaration" || d.value.name !== "AwaitExpression")
    return undefined;
  const awaited = d.value.lastChild;
  const call = question.parent;
  if (awaited?.name === "CallExpression" && call && awaited.from === call.from && awaited.to === call.to)
    return { stmt, code: ctx.text(d.def) };
  const wrapper = awaited?.name === "NewExpression" ? args(awaited)[0] : undefined;
  const ctor = awaited?.getChild("VariableName") ?? awaited?.getChild("InstantiationExpression")?.firstChild;
  if (!wrapper || !ctor || ctx.text(ctor) !== "Promise" || !inside(question, wrapper)) return undefined;
  if (
    !["ArrowFunction", "FunctionExpression"].includes(wrapper.name) ||
    !isPlainPromptWrapper(ctx, wrapper, rl)
  )
    return undefined;
  return { stmt, code: ctx.text(d.def) };
}

/** `const code = await rl.question(…)` … `await client.getToken(code)` → `await HELPER(client, OPTS)`. */
function rewriteAwaitPrompt(ctx: RuleContext, question: SyntaxNode): Rewrite | undefined {
  const rl = memberCall(ctx, question.parent)?.[0];
  const q = rl ? awaitedQuestion(ctx, question, rl) : undefined;
  const block = q?.stmt.parent;
  if (!rl || !q || !block) return undefined;
  const stmts = statements(block);
  const qi = stmts.findIndex((s) => s.from === q.stmt.from);
  let ai = qi - 1;
  while (ai >= 0 && isPromptChore(ctx, stmts[ai] as SyntaxNode, rl)) ai--;
  const auth = authUrlStatement(ctx, stmts[ai]);
  let gi = qi + 1;
  // After the question only rl.close(): anything else may use the code.
  while (gi < stmts.length && ctx.text(stmts[gi] as SyntaxNode).replace(/\s+/g, "") === `${rl}.close();`)
    gi++;
  const getTokenStmt = stmts[gi];
  if (!auth || !getTokenStmt) return undefined;
  const getToken = findAll(ctx.tree, "CallExpression").find((c) => {
    const mc = memberCall(ctx, c);
    const a = args(c);
    return (
      inside(c, getTokenStmt) &&
      mc?.[0] === auth.client &&
      mc[1] === "getToken" &&
      a.length === 1 &&
      a[0]?.name === "VariableName" &&
      ctx.text(a[0]) === q.code
    );
  });
  if (!getToken) return undefined;
  // The sign-in steps go; the URL, the code and the prompt must not be used anywhere else.
  const removed: Range = { from: (stmts[ai] as SyntaxNode).from, to: getTokenStmt.from };
  const gone = [removed, { from: getToken.from, to: getToken.to }];
  for (const name of [auth.url, q.code, rl])
    if (references(ctx, name).some((n) => !gone.some((r) => inside(n, r)))) return undefined;
  return finish(ctx, gone, [
    { ...removed, insert: "" },
    {
      from: getToken.from,
      to: getToken.to,
      insert: `${getTokenHelperName(ctx.headless)}(${auth.client}, ${ctx.text(auth.options)})`,
    },
  ]);
}

/** The callback quickstart (JavaScript or TypeScript): see the module comment. */
function rewriteCallbackPrompt(ctx: RuleContext, question: SyntaxNode): Rewrite | undefined {
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
  let ai = qi - 1;
  while (ai >= 0 && isPromptChore(ctx, stmts[ai] as SyntaxNode, rl)) ai--;
  const auth = authUrlStatement(ctx, stmts[ai]);
  if (!auth || auth.client !== client) return undefined;
  const authStmt = stmts[ai] as SyntaxNode;
  const range = { from: authStmt.from, to: stmtQ.to };
  for (const name of [auth.url, rl])
    if (references(ctx, name).some((n) => !inside(n, range))) return undefined;
  // `onToken` must be free.
  if (findAll(ctx.tree, "VariableName", "VariableDefinition").some((v) => ctx.text(v) === "onToken"))
    return undefined;

  const indent = indentAt(ctx.source, authStmt.from);
  const extra = indentAt(ctx.source, (getTokenStmt as SyntaxNode).from).slice(indent.length);
  const cbText = ctx
    .text(cb)
    .split("\n")
    .map((l, i) => (i > 0 && l.startsWith(indent + extra) ? l.slice(extra.length) : l))
    .join("\n");
  const replacement =
    `const onToken = ${cbText};\n` +
    `${indent}${getTokenHelperName(ctx.headless)}(${client}, ${ctx.text(auth.options)}).then(({ tokens }) => onToken(null, tokens), (err) => onToken(err));`;
  return finish(ctx, [range], [{ ...range, insert: replacement }]);
}

/**
 * Adds the helper after the file's last top-level import/require (at the top when it has none; a function
 * declaration is hoisted anyway), and drops the imports and the out-of-band URI that go with the old prompt.
 */
function finish(ctx: RuleContext, removed: readonly Range[], edits: Edit[]): Rewrite | undefined {
  const oob = oobRemovals(ctx, removed);
  if (!oob) return undefined;
  // A file that already has a function of the helper's name (a second prompt, a half-migrated file): by hand.
  const name = getTokenHelperName(ctx.headless);
  if (findAll(ctx.tree, "VariableDefinition").some((d) => ctx.text(d) === name)) return undefined;
  const helper = getTokenHelper(ctx.language === "typescript", ctx.headless);
  const unused = unusedImportRemovals(ctx, removed);
  const kept = moduleBindings(ctx).filter((b) => !unused.some((u) => inside(b.stmt, u)));
  const last = kept[kept.length - 1];
  const placed: Edit = last
    ? { from: last.stmt.to, to: last.stmt.to, insert: `\n\n${helper}` }
    : { from: 0, to: 0, insert: `${helper}\n\n` };
  const oobRanges = findAll(ctx.tree, "String")
    .filter((s) => isOobString(ctx, s))
    .map((s) => ({ from: s.from, to: s.to }));
  return { edits: [...edits, ...oob, ...unused, placed], oob: oobRanges };
}

/**
 * Whether a prompt reads the sign-in code: its answer (the awaited variable, or the callback's parameter) is
 * passed to getToken. A prompt whose answer cannot be followed counts as one; a loopback program asking for
 * something else (a folder name) does not.
 */
function readsTheCode(ctx: RuleContext, question: SyntaxNode): boolean {
  const call = question.parent as SyntaxNode;
  const callback = args(call)[1];
  const param = callback?.getChild("ParamList")?.getChild("VariableDefinition");
  const decl = singleDeclaration(statementOf(question) ?? undefined);
  const answers = [
    ...(param ? [ctx.text(param)] : []),
    ...(decl?.value.name === "AwaitExpression" && inside(question, decl.value) ? [ctx.text(decl.def)] : []),
  ];
  if (answers.length === 0) return true;
  return findAll(ctx.tree, "CallExpression").some(
    (c) =>
      memberCall(ctx, c)?.[1] === "getToken" &&
      answers.some((a) => references(ctx, a).some((r) => inside(r, c.getChild("ArgList") as SyntaxNode))),
  );
}

export const jsOobCodePrompt: Rule = {
  id: "js-oob-code-prompt",
  languages: ["js"],
  why: "https://developers.google.com/identity/protocols/oauth2/resources/oob-migration",
  run(ctx) {
    const manual =
      "Start a local server on 127.0.0.1:0, pass redirect_uri: http://127.0.0.1:<port> (with PKCE and state) to generateAuthUrl, open the URL, read the code from the request to your server and call getToken({code, codeVerifier, redirect_uri}). The explorer's TypeScript snippets show the whole flow.";
    const prompts: RuleOutcome[] = [];
    const members = findAll(ctx.tree, "MemberExpression");
    const prop = (m: SyntaxNode): string =>
      m.lastChild?.name === "PropertyName" ? ctx.text(m.lastChild) : "";
    const makesAuthUrl = members.some((m) => prop(m) === "generateAuthUrl");
    const covered: Range[] = [];
    const hasOob = findAll(ctx.tree, "String").some((s) => isOobString(ctx, s));
    if (makesAuthUrl)
      for (const m of members) {
        if (prop(m) !== "question" || m.parent?.name !== "CallExpression") continue;
        if (!hasOob && !readsTheCode(ctx, m)) continue;
        const rewrite = rewriteCallbackPrompt(ctx, m) ?? rewriteAwaitPrompt(ctx, m);
        if (rewrite && covered.length === 0) covered.push(...rewrite.oob);
        prompts.push({
          node: m,
          message:
            "Pasting the code back into a prompt only works with the blocked out-of-band flow: use a " +
            `${ctx.headless ? "headless (paste the redirected address)" : "loopback"} sign-in.`,
          manual,
          edits: rewrite?.edits ?? [],
        });
      }
    const oob: RuleOutcome[] = findAll(ctx.tree, "String")
      .filter((s) => isOobString(ctx, s) && !covered.some((r) => inside(s, r)))
      .map((s) => ({
        node: s,
        message: "The out-of-band redirect (urn:ietf:wg:oauth:2.0:oob) is blocked by Google.",
        manual,
        edits: [],
      }));
    return [...oob, ...prompts];
  },
};
