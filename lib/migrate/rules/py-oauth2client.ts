/**
 * py-oauth2client: oauth2client is deprecated (since 2017) and its flows use the blocked out-of-band redirect.
 * Rewritten to google-auth-oauthlib + google-auth when every use of the oauth2client names is one of these shapes
 * (any mix; names imported as `from oauth2client[.file|.client|.tools] import …`, no aliases):
 * - the quickstart: `store = file.Storage(TOKEN)` (or `Storage(…)`), `creds = store.get()`,
 *   `if not creds or creds.invalid:` with `flow = client.flow_from_clientsecrets(SECRETS, SCOPES)`, an optional
 *   `flow.user_agent = …`, and `creds = tools.run_flow(flow, store[, flags])` — or the 2016 quickstart's
 *   `if flags: … run_flow(flow, store, flags) else: … tools.run(flow, store)` — plus one-line statements that are
 *   kept → InstalledAppFlow + Credentials.from_authorized_user_file with a token file that keeps working (an old
 *   oauth2client token file has refresh_token/client_id/client_secret, which google-auth reads; it is refreshed
 *   and saved in the new format);
 * - the copy-the-code flow: `flow = OAuth2WebServerFlow(client_id=…, client_secret=…, scope=…[, redirect_uri=…])`,
 *   `url = flow.step1_get_authorize_url()`, printing and input(), `creds = flow.step2_exchange(code)` →
 *   `InstalledAppFlow.from_client_config(…)` + `run_local_server(port=0)`;
 * - `http=creds.authorize(Http())`, or `http = creds.authorize(httplib2.Http())` (also `http = Http()` then
 *   `http = creds.authorize(http)`) read only as `http=http` → `credentials=creds`;
 * - `argparse.ArgumentParser(parents=[tools.argparser])` → without oauth2client's parser.
 * Anything else: explained, and the whole file's oauth2client code is left unchanged (never half-applied).
 */
import type { SyntaxNode } from "@lezer/common";

import { childrenOf, findAll, indentAt, wholeLines } from "../syntax";
import type { Edit, Rule, RuleContext, RuleOutcome } from "../types";
import { PY_HEADLESS_HELPER, PY_HEADLESS_HELPER_NAME, PY_HEADLESS_IMPORTS } from "./python-headless";
import {
  argNodes,
  assignedName,
  assignedValue,
  keywordArgs,
  methodCall,
  removeArgRange,
  statementsOf,
  variableUses,
} from "./python-ast";

/** The imports the quickstart's token block needs; the copy-the-code flow needs only the last one. */
const TOKEN_IMPORTS = [
  "import os.path",
  "",
  "from google.auth.transport.requests import Request",
  "from google.oauth2.credentials import Credentials",
];
const FLOW_IMPORT = "from google_auth_oauthlib.flow import InstalledAppFlow";

/** Google's OAuth endpoints, as a Desktop client's credentials.json has them. */
const AUTH_URI = "https://accounts.google.com/o/oauth2/auth";
const TOKEN_URI = "https://oauth2.googleapis.com/token";

/** The sign-in call on `flow`: the loopback flow, or the headless one the user chose. */
function signIn(ctx: RuleContext, flow: string): string {
  return ctx.headless ? `${PY_HEADLESS_HELPER_NAME}(${flow})` : `${flow}.run_local_server(port=0)`;
}

function tokenBlock(
  ctx: RuleContext,
  indent: string,
  creds: string,
  token: string,
  secrets: string,
  scopes: string,
  kept: readonly string[],
): string {
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
    `        ${creds} = ${signIn(ctx, "flow")}`,
    `    with open(${token}, "w") as token_file:`,
    `        token_file.write(${creds}.to_json())`,
    ...kept.map((k) => `    ${k}`),
  ];
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join("\n");
}

type Range = { from: number; to: number };
interface Piece {
  readonly edits: Edit[];
  /** Where the oauth2client names are used by this piece (their uses inside are accounted for). */
  readonly covered: Range[];
}

/** Local name → qualified oauth2client name, from `from oauth2client[.m] import a, b`; undefined if any other form. */
function importedNames(ctx: RuleContext, stmts: readonly SyntaxNode[]): Map<string, string> | undefined {
  const names = new Map<string, string>();
  for (const s of stmts) {
    const text = ctx.text(s).replace(/\s+/g, " ").trim();
    const m = /^from (oauth2client(?:\.(?:file|client|tools))?) import \(?([\w, ]+?),?\)?$/.exec(text);
    if (!m?.[1] || !m[2] || /\bas\b/.test(m[2])) return undefined;
    for (const n of m[2].split(",").map((x) => x.trim())) if (n) names.set(n, `${m[1]}.${n}`);
  }
  return names;
}

function qualify(names: Map<string, string>, dotted: string): string | undefined {
  const [head, ...rest] = dotted.split(".");
  const q = head ? names.get(head) : undefined;
  return q ? [q, ...rest].join(".") : undefined;
}

/** `node` is a call of the oauth2client function `qualified` (however it was imported). */
function callOf(
  ctx: RuleContext,
  names: Map<string, string>,
  node: SyntaxNode | null,
  qualified: string,
): SyntaxNode | undefined {
  if (node?.name !== "CallExpression") return undefined;
  const c = node.firstChild;
  return c && qualify(names, ctx.text(c).replace(/\s+/g, "")) === qualified ? node : undefined;
}

const Q = {
  storage: "oauth2client.file.Storage",
  fromSecrets: "oauth2client.client.flow_from_clientsecrets",
  webFlow: "oauth2client.client.OAuth2WebServerFlow",
  runFlow: "oauth2client.tools.run_flow",
  run: "oauth2client.tools.run",
  argparser: "oauth2client.tools.argparser",
};

/** `creds = run_flow(flow, store[, flags])` / `creds = tools.run(flow, store)`. */
function isRunFlow(
  ctx: RuleContext,
  names: Map<string, string>,
  s: SyntaxNode,
  creds: string,
  flow: string,
  store: string,
): boolean {
  if (assignedName(s, ctx) !== creds) return false;
  const v = assignedValue(s);
  const call = callOf(ctx, names, v, Q.runFlow) ?? callOf(ctx, names, v, Q.run);
  const a = call ? argNodes(call.lastChild as SyntaxNode).map((n) => ctx.text(n)) : [];
  return call !== undefined && a[0] === flow && a[1] === store && a.length <= 3;
}

/** The body's statements are only run_flow calls (the `if flags: … else: …` of the 2016 quickstart). */
function isRunFlowChoice(
  ctx: RuleContext,
  names: Map<string, string>,
  s: SyntaxNode,
  creds: string,
  flow: string,
  store: string,
): boolean {
  if (s.name !== "IfStatement") return false;
  const bodies = s.getChildren("Body");
  if (bodies.length !== childrenOf(s).filter((k) => ["if", "elif", "else"].includes(k.name)).length)
    return false;
  return bodies.every((b) => {
    const inner = statementsOf(b);
    return inner.length === 1 && isRunFlow(ctx, names, inner[0] as SyntaxNode, creds, flow, store);
  });
}

/** The quickstart's Storage/get/if block and its replacement. */
function quickstart(ctx: RuleContext, names: Map<string, string>): Piece[] | undefined {
  const out: Piece[] = [];
  for (const block of [ctx.tree.topNode, ...findAll(ctx.tree, "Body")]) {
    const stmts = statementsOf(block);
    for (let i = 0; i + 2 < stmts.length; i++) {
      const [storeStmt, getStmt, ifStmt] = [stmts[i], stmts[i + 1], stmts[i + 2]] as SyntaxNode[];
      const store = assignedName(storeStmt as SyntaxNode, ctx);
      const storage = callOf(ctx, names, assignedValue(storeStmt as SyntaxNode), Q.storage);
      if (!store || !storage) continue;
      const tokenArgs = argNodes(storage.lastChild as SyntaxNode);
      const creds = assignedName(getStmt as SyntaxNode, ctx);
      const get = methodCall(assignedValue(getStmt as SyntaxNode) as SyntaxNode, ctx);
      if (
        tokenArgs.length !== 1 ||
        !creds ||
        !get ||
        ctx.text(get.object) !== store ||
        ctx.text(get.property) !== "get"
      )
        continue;
      if (ifStmt?.name !== "IfStatement") return undefined;
      const cond = ctx.text(ifStmt).split(":")[0]?.replace(/\s+/g, " ").trim();
      if (
        cond !== `if not ${creds} or ${creds}.invalid` &&
        cond !== `if ${creds} is None or ${creds}.invalid`
      )
        return undefined;
      const body = ifStmt.lastChild;
      if (body?.name !== "Body" || ifStmt.getChildren("Body").length !== 1) return undefined;
      const inner = statementsOf(body);
      const flowStmt = inner[0] as SyntaxNode | undefined;
      const flow = flowStmt ? assignedName(flowStmt, ctx) : undefined;
      const flowCall = flowStmt ? callOf(ctx, names, assignedValue(flowStmt), Q.fromSecrets) : undefined;
      if (!flow || !flowCall) return undefined;
      const flowArgs = argNodes(flowCall.lastChild as SyntaxNode);
      const [secrets, scopes] = flowArgs;
      if (
        !secrets ||
        !scopes ||
        flowArgs.length !== 2 ||
        keywordArgs(flowCall.lastChild as SyntaxNode, ctx).length > 0
      )
        return undefined;
      let ran = false;
      const kept: string[] = [];
      for (const s of inner.slice(1)) {
        const t = ctx.text(s).trim();
        if (
          !ran &&
          (isRunFlow(ctx, names, s, creds, flow, store) || isRunFlowChoice(ctx, names, s, creds, flow, store))
        )
          ran = true;
        else if (new RegExp(`^${flow}\\.user_agent\\s*=`).test(t) && !t.includes("\n")) continue;
        else if (ran && !t.includes("\n") && !new RegExp(`\\b(${flow}|${store})\\b`).test(t)) kept.push(t);
        else return undefined;
      }
      if (!ran) return undefined;
      const replacement = tokenBlock(
        ctx,
        indentAt(ctx.source, (storeStmt as SyntaxNode).from),
        creds,
        ctx.text(tokenArgs[0] as SyntaxNode),
        ctx.text(secrets),
        ctx.text(scopes),
        kept,
      );
      const range = { from: (storeStmt as SyntaxNode).from, to: ifStmt.to };
      // The if block's Body ends after its newline; keep one newline.
      const end = ctx.source[range.to - 1] === "\n" ? range.to - 1 : range.to;
      // The store must not be used after the block.
      if (variableUses(ctx, store).some((u) => u.from > range.to)) return undefined;
      out.push({ edits: [{ from: range.from, to: end, insert: replacement }], covered: [range] });
      i += 2;
    }
  }
  return out;
}

/** OAuth2WebServerFlow(...) … step1_get_authorize_url() … input() … step2_exchange(code) → run_local_server. */
function webServerFlows(ctx: RuleContext, names: Map<string, string>): Piece[] | undefined {
  const out: Piece[] = [];
  for (const block of [ctx.tree.topNode, ...findAll(ctx.tree, "Body")]) {
    const stmts = statementsOf(block);
    for (let i = 0; i < stmts.length; i++) {
      const first = stmts[i] as SyntaxNode;
      const flow = assignedName(first, ctx);
      const ctor = callOf(ctx, names, assignedValue(first), Q.webFlow);
      if (!flow || !ctor) continue;
      const list = ctor.lastChild as SyntaxNode;
      const kw = new Map(keywordArgs(list, ctx).map((k) => [ctx.text(k.name), ctx.text(k.value)]));
      const allowed = ["client_id", "client_secret", "scope", "redirect_uri"];
      if (argNodes(list).length !== kw.size * 3 && argNodes(list).length !== kw.size) {
        // keywordArgs are name, =, value triples in argNodes' view; anything positional is not handled
      }
      const id = kw.get("client_id");
      const secret = kw.get("client_secret");
      const scope = kw.get("scope");
      if (!id || !secret || !scope || [...kw.keys()].some((k) => !allowed.includes(k))) return undefined;
      if (childrenOf(list).some((k) => k.name === "**" || k.name === "*")) return undefined;
      // url = flow.step1_get_authorize_url(); print/input…; creds = flow.step2_exchange(code)
      let j = i + 1;
      const step1 = stmts[j]
        ? methodCall(assignedValue(stmts[j] as SyntaxNode) as SyntaxNode, ctx)
        : undefined;
      const url = stmts[j] ? assignedName(stmts[j] as SyntaxNode, ctx) : undefined;
      if (
        !step1 ||
        !url ||
        ctx.text(step1.object) !== flow ||
        ctx.text(step1.property) !== "step1_get_authorize_url"
      )
        return undefined;
      j++;
      let code: string | undefined;
      while (stmts[j] && !/step2_exchange/.test(ctx.text(stmts[j] as SyntaxNode))) {
        const t = ctx.text(stmts[j] as SyntaxNode);
        if (/^(print|webbrowser\.open)\s*\(/.test(t) && !t.includes("\n")) j++;
        else if (/^\w+\s*=\s*(raw_)?input\s*\(/.test(t) && !t.includes("\n")) {
          code = assignedName(stmts[j] as SyntaxNode, ctx);
          j++;
        } else return undefined;
      }
      const last = stmts[j];
      const creds = last ? assignedName(last, ctx) : undefined;
      const step2 = last ? methodCall(assignedValue(last) as SyntaxNode, ctx) : undefined;
      const step2Args = step2 ? argNodes(step2.args).map((a) => ctx.text(a)) : [];
      if (!last || !creds || !step2 || ctx.text(step2.object) !== flow || step2Args.join() !== code)
        return undefined;
      const range = { from: first.from, to: last.to };
      for (const name of [url, code ?? ""])
        if (variableUses(ctx, name).some((u) => u.from < range.from || u.to > range.to)) return undefined;
      const indent = indentAt(ctx.source, first.from);
      const config = `{"installed": {"client_id": ${id}, "client_secret": ${secret}, "auth_uri": "${AUTH_URI}", "token_uri": "${TOKEN_URI}"}}`;
      out.push({
        edits: [
          {
            ...range,
            insert: `${flow} = InstalledAppFlow.from_client_config(\n${indent}    ${config},\n${indent}    scopes=${scope},\n${indent})\n${indent}${creds} = ${signIn(ctx, flow)}`,
          },
        ],
        covered: [range],
      });
      i = j;
    }
  }
  return out;
}

/** The `http=` keyword in `build(…, http=X)` calls: [kw name, value]. */
function httpKeywords(ctx: RuleContext): { name: SyntaxNode; value: SyntaxNode }[] {
  return findAll(ctx.tree, "ArgList").flatMap((a) =>
    keywordArgs(a, ctx).filter((k) => ctx.text(k.name) === "http"),
  );
}

const isHttpCtor = (t: string): boolean => /^(httplib2\.)?Http\(\)$/.test(t.replace(/\s+/g, ""));

/** creds.authorize(Http()) in the shapes the module comment lists → credentials=creds. */
function authorizeCalls(ctx: RuleContext, names: Map<string, string>): Piece[] | undefined {
  void names;
  const out: Piece[] = [];
  const calls = findAll(ctx.tree, "CallExpression")
    .map((c) => methodCall(c, ctx))
    .filter((m) => m !== undefined && ctx.text(m.property) === "authorize");
  for (const m of calls) {
    if (!m || m.object.name !== "VariableName") return undefined;
    const creds = ctx.text(m.object);
    const inner = argNodes(m.args);
    if (inner.length !== 1) return undefined;
    const arg = ctx.text(inner[0] as SyntaxNode);
    const kw = httpKeywords(ctx).find((k) => k.value.from === m.call.from);
    if (kw) {
      if (!isHttpCtor(arg)) return undefined;
      const range = { from: kw.name.from, to: kw.value.to };
      out.push({ edits: [{ ...range, insert: `credentials=${creds}` }], covered: [range] });
      continue;
    }
    // http = creds.authorize(Http())  |  http = Http(); http = creds.authorize(http)
    const stmt = m.call.parent;
    const h = stmt ? assignedName(stmt, ctx) : undefined;
    if (!stmt || !h || stmt.parent === null) return undefined;
    const removed: Range[] = [];
    const lines = wholeLines(ctx.source, stmt.from, stmt.to);
    if (!lines) return undefined;
    removed.push(lines);
    if (!isHttpCtor(arg)) {
      const siblings = statementsOf(stmt.parent);
      const at = siblings.findIndex((s) => s.from === stmt.from);
      const prev = siblings[at - 1];
      const prevLines = prev ? wholeLines(ctx.source, prev.from, prev.to) : undefined;
      if (
        arg !== h ||
        !prev ||
        assignedName(prev, ctx) !== h ||
        !isHttpCtor(ctx.text(assignedValue(prev) as SyntaxNode)) ||
        !prevLines
      )
        return undefined;
      removed.push(prevLines);
    }
    const uses = httpKeywords(ctx).filter((k) => k.value.name === "VariableName" && ctx.text(k.value) === h);
    const inRemoved = (u: SyntaxNode): boolean => removed.some((r) => r.from <= u.from && u.to <= r.to);
    const isKeyword = (u: SyntaxNode): boolean => httpKeywords(ctx).some((k) => k.name.from === u.from);
    const reads = variableUses(ctx, h).filter((u) => !inRemoved(u) && !isKeyword(u));
    if (
      uses.length === 0 ||
      reads.length !== uses.length ||
      reads.some((r) => !uses.some((u) => u.value.from === r.from))
    )
      return undefined;
    out.push({
      edits: [
        ...removed.map((r) => ({ ...r, insert: "" })),
        ...uses.map((u) => ({ from: u.name.from, to: u.value.to, insert: `credentials=${creds}` })),
      ],
      covered: [...removed, ...uses.map((u) => ({ from: u.name.from, to: u.value.to }))],
    });
  }
  return out;
}

/** `parents=[tools.argparser]` (alone, or among other parents) in argparse.ArgumentParser(...). */
function argparserParents(ctx: RuleContext, names: Map<string, string>): Piece[] | undefined {
  const out: Piece[] = [];
  for (const n of findAll(ctx.tree, "MemberExpression", "VariableName")) {
    if (qualify(names, ctx.text(n).replace(/\s+/g, "")) !== Q.argparser) continue;
    if (n.name === "VariableName" && n.parent?.name === "MemberExpression") continue;
    const list = n.parent;
    const args = list?.parent;
    if (list?.name !== "ArrayExpression" || args?.name !== "ArgList") return undefined;
    const kw = keywordArgs(args, ctx).find((k) => k.value.from === list.from);
    if (!kw || ctx.text(kw.name) !== "parents") return undefined;
    const items = childrenOf(list).filter((k) => !["[", "]", ","].includes(k.name));
    const edit: Edit =
      items.length === 1
        ? { ...removeArgRange(args, kw.name, kw.value), insert: "" }
        : { ...removeArgRange(list, n, n), insert: "" };
    out.push({ edits: [edit], covered: [{ from: n.from, to: n.to }] });
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
    const byHand = (): RuleOutcome[] => imports.map((s) => ({ node: s, message, manual, edits: [] }));

    const names = importedNames(ctx, imports);
    if (!names || imports.some((s) => s.parent?.name !== "Script")) return byHand();
    const tokenBlocks = quickstart(ctx, names);
    const webFlows = webServerFlows(ctx, names);
    const parts = [tokenBlocks, webFlows, authorizeCalls(ctx, names), argparserParents(ctx, names)];
    if (parts.some((p) => p === undefined)) return byHand();
    const pieces = parts.flat() as Piece[];
    if (pieces.length === 0) return byHand();

    // Every use of an imported name must be inside a rewritten piece, or nothing is changed.
    const covered = [
      ...pieces.flatMap((p) => p.covered),
      ...imports.map((s) => ({ from: s.from, to: s.to })),
    ];
    const leftover = [...names.keys()].some((n) =>
      variableUses(ctx, n).some((u) => !covered.some((r) => r.from <= u.from && u.to <= r.to)),
    );
    if (leftover) return byHand();

    // The first import becomes the new imports, in place (so other fixes can still add theirs after it).
    const [first, ...rest] = imports as [SyntaxNode, ...SyntaxNode[]];
    const removals: Edit[] = [];
    for (const s of rest) {
      const lines = wholeLines(ctx.source, s.from, s.to);
      if (!lines) return byHand();
      removals.push({ ...lines, insert: "" });
    }
    const edits: Edit[] = [
      {
        from: first.from,
        to: first.to,
        insert:
          tokenBlocks && tokenBlocks.length > 0
            ? [...TOKEN_IMPORTS, FLOW_IMPORT].join("\n")
            : webFlows && webFlows.length > 0
              ? FLOW_IMPORT
              : "",
      },
      ...removals,
      ...pieces.flatMap((p) => p.edits),
    ];
    const headless =
      ctx.headless &&
      tokenBlocks !== undefined &&
      webFlows !== undefined &&
      tokenBlocks.length + webFlows.length > 0;
    return [
      {
        node: first,
        message,
        manual,
        edits,
        ...(headless ? { imports: PY_HEADLESS_IMPORTS, definitions: [PY_HEADLESS_HELPER] } : {}),
      },
    ];
  },
};
