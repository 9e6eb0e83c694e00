/**
 * TypeScript target: npm googleapis 188 (google-auth-library 11 inside), ESM with top-level await.
 *
 * Facts this relies on (docs/client-library-rules.md, sections B and C2/C3):
 * - `google.<name>({ version, auth })`, resources/methods via `camelify` (no keyword escaping), params keyed by
 *   Discovery name verbatim except googleapis-common's reserved keys (`tsParamKey`), `requestBody`, `media`;
 * - no `@google-cloud/local-auth`: its google-auth-library 9 client sends NO Authorization header through
 *   googleapis 188. The loopback flow is written out with `google.auth.OAuth2` + PKCE (S256 enum) + `state`;
 * - download: `alt: 'media'` + `{ responseType: 'stream' }`; pagination: loop on `nextPageToken`;
 * - APIs googleapis 188 lacks: `google.discoverAPI(url, { auth })` builds the client at run time from the
 *   Discovery document (raw, un-camelified names; untyped).
 * Pure: no IO. User values enter only through `tsString`/`tsLiteral`; resource and method names only through
 * `tsMemberAccess`, parameter names through `tsParamKey`.
 */
import { CodeBuilder, commentText } from "@/lib/codegen/code-builder";
import { tsLiteral, tsNumber, tsString } from "@/lib/codegen/literals/typescript";
import { isApiInGoogleapis, nodeApiAccessor, tsMemberAccess, tsParamKey } from "@/lib/codegen/naming/node";
import { UnsafeIdentifier } from "@/lib/codegen/naming/unsafe-identifier";
import {
  mediaDownloadApplies,
  mediaUploadApplies,
  methodBlurb,
  methodSummary,
  usesBody,
} from "@/lib/codegen/prepare";
import type { PreparedParam, SnippetInput, SnippetOptions, Target } from "@/lib/codegen/types";
import { HEADLESS_REDIRECT_URI, pushHeadlessHeader } from "@/lib/codegen/targets/headless";
import { checkHeaderField } from "@/lib/request/header-field";
import type { ParamScalar } from "@/lib/request/types";

export const TS_INSTALL = "npm install googleapis@^188 && npm install --save-dev tsx";

/** A parameter value as a TS expression matching the generated `Params$…` types. */
export function tsParamValue(param: PreparedParam): string {
  const scalar = (v: ParamScalar): string => {
    const { type } = param.model;
    if (type === "boolean") return v === true || v === "true" ? "true" : "false";
    if ((type === "integer" || type === "number") && typeof v === "number") return tsNumber(v);
    if ((type === "integer" || type === "number") && typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) {
      return tsNumber(Number(v));
    }
    return tsString(String(v));
  };
  const { value } = param;
  if (param.model.repeated) return `[${(Array.isArray(value) ? value : [value]).map(scalar).join(", ")}]`;
  return scalar(Array.isArray(value) ? value.map(String).join(",") : value);
}

/**
 * `zoo.zoos.animals.list` — camelified for googleapis, raw names for a discoverAPI client (`['-']`), every name
 * through the door (`tsMemberAccess`), which refuses one the client would not expose.
 */
export function tsCallChain(input: SnippetInput, apiVar: string): string {
  const names = [...input.method.resourcePath, input.method.name];
  const googleapis = input.api.inGoogleapis;
  return (
    apiVar +
    names
      .map((n, i) =>
        tsMemberAccess(n, i === names.length - 1 ? "method" : "resource", { googleapis, topLevel: i === 0 }),
      )
      .join("")
  );
}

/**
 * Words that cannot name the API variable: ECMAScript reserved words (strict mode and modules included: `await`,
 * `yield`, `let`, `static`, `implements`…, plus `arguments`/`eval`, which strict code cannot bind) and every
 * name the template itself declares, imports or reads as a global (`const console = …` would break `console.log`).
 * @see https://tc39.es/ecma262/#sec-keywords-and-reserved-words
 */
const NOT_AN_API_VARIABLE: ReadonlySet<string> = new Set([
  ..."await break case catch class const continue debugger default delete do else enum export extends false".split(
    " ",
  ),
  ..."finally for function if import in instanceof new null return super switch this throw true try typeof".split(
    " ",
  ),
  ..."var void while with yield let static implements interface package private protected public".split(" "),
  ..."arguments eval undefined NaN Infinity as async from of get set type".split(" "),
  ..."google Auth auth res apiKey process console JSON URL Promise Error Buffer SCOPES TOKEN_FILE".split(" "),
  ..."openBrowser authorize spawn randomBytes createReadStream createWriteStream existsSync readFileSync".split(
    " ",
  ),
  ..."writeFileSync createServer AddressInfo pipeline pageToken extraParams".split(" "),
]);

/**
 * The variable holding the API client: the API's name where it is a plain lower-case identifier that is neither
 * reserved nor used by the template (`youtube`, `prod_tt_sasportal`), else `api`. The service name is a
 * Discovery key like any other: it never becomes code unchecked.
 */
export function tsApiVariable(apiName: string): string {
  const candidate = apiName.replace(/[^A-Za-z0-9_$]/g, "_");
  return /^[a-z][A-Za-z0-9_]*$/.test(candidate) && !NOT_AN_API_VARIABLE.has(candidate) ? candidate : "api";
}

function generate(input: SnippetInput, options: SnippetOptions = {}): string {
  const b = new CodeBuilder({ indent: "  " });
  const { push, blank, block } = b;
  const { api, method, auth } = input;
  const download = mediaDownloadApplies(input, options);
  /** The media is streamed into `options.downloadTo`. */
  const streamed = download && options.downloadTo !== undefined;
  const upload = mediaUploadApplies(input);
  const allPages = options.allPages === true && method.pageable && !download;
  const oauth = auth.type === "oauth";
  const headless = auth.type === "oauth" && auth.flow === "headless";
  const tokenCache = oauth && options.tokenCache === true;
  const apiVar = tsApiVariable(input.api.name);

  // Header
  push(`// ${commentText(methodSummary(input))}`);
  const blurb = methodBlurb(input);
  if (blurb !== "") push(`// ${commentText(blurb)}`);
  push("//");
  push(`// Install: ${TS_INSTALL}`);
  push('// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts');
  if (oauth) {
    push(
      '// credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google',
    );
    push("//   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.");
    if (headless) pushHeadlessHeader(push, "//", "server.listen(8080, …)");
    else
      push(
        "//   Keep it next to this file. Sign-in opens your browser and returns to a local port (loopback flow).",
      );
  } else if (auth.type === "apiKey") {
    push("// Set GOOGLE_API_KEY to an API key (Google Cloud console → APIs & Services → Credentials).");
  } else {
    push("// No credentials: this request is sent without authorization.");
  }
  if (!api.inGoogleapis) {
    // The API version, or (snapshot newer than googleapis 188, or a resource `-`) only this method, is missing.
    const missing = isApiInGoogleapis(api.name, api.version)
      ? `${method.id} (${api.name} ${api.version})`
      : `${api.name} ${api.version}`;
    push(`// googleapis 188 has no ${commentText(missing)}: the client is built at run time from the`);
    push("//   API's Discovery document (google.discoverAPI), so the call below is not type-checked.");
  }
  if (api.dataWrapper && usesBody(input)) {
    push('// This API uses "dataWrapper": googleapis sends requestBody as given (no {"data": …} wrapping).');
  }
  blank();

  // Imports
  if (oauth && !headless) push("import { spawn } from 'node:child_process';");
  if (oauth) push("import { randomBytes } from 'node:crypto';");
  const fsImports = [
    ...(download ? ["createWriteStream"] : []),
    ...(upload ? ["createReadStream"] : []),
    ...(tokenCache ? ["existsSync"] : []),
    ...(oauth ? ["readFileSync"] : []),
    ...(tokenCache ? ["writeFileSync"] : []),
  ].sort();
  if (fsImports.length > 0) push(`import { ${fsImports.join(", ")} } from 'node:fs';`);
  if (oauth && !headless) push("import { createServer } from 'node:http';");
  if (oauth && !headless) push("import type { AddressInfo } from 'node:net';");
  if (headless) push("import { createInterface } from 'node:readline';");
  if (download) push("import { pipeline } from 'node:stream/promises';");
  blank();
  push(oauth ? "import { Auth, google } from 'googleapis';" : "import { google } from 'googleapis';");
  blank();

  if (oauth) emitOAuth(b, input, tokenCache, headless);

  // Client
  let authExpr: string | null = null;
  if (oauth) {
    push("const auth = await authorize();");
    authExpr = "auth";
  } else if (auth.type === "apiKey") {
    push("const apiKey = process.env.GOOGLE_API_KEY;");
    block(
      "if (!apiKey) {",
      () => {
        push("console.error('Set the GOOGLE_API_KEY environment variable to your API key.');");
        push("process.exit(1);");
      },
      "}",
    );
    authExpr = "auth: apiKey";
  }
  if (api.inGoogleapis) {
    const accessor = nodeApiAccessor(api.name, api.version);
    const opts = [`version: ${tsString(api.version)}`, ...(authExpr === null ? [] : [authExpr])];
    push(`const ${apiVar} = google${accessor.access}({ ${opts.join(", ")} });`);
  } else {
    const discoveryUrl = `${api.rootUrl}$discovery/rest?version=${api.version}`;
    // A discoverAPI method takes (params, callback) only — no per-call options — but the options given to
    // discoverAPI become the endpoint's `_options`, merged into every request it makes
    // (googleapis-common apirequest.js createAPIRequestAsync), so a download asks for a stream here.
    // @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts
    const endpointOpts = [
      ...(authExpr === null ? [] : [authExpr]),
      ...(streamed ? ["responseType: 'stream'"] : []),
    ];
    const opts = endpointOpts.length === 0 ? "" : `, { ${endpointOpts.join(", ")} }`;
    push("// eslint-disable-next-line @typescript-eslint/no-explicit-any");
    push(`const ${apiVar}: any = await google.discoverAPI(${tsString(discoveryUrl)}${opts});`);
  }
  blank();

  // Parameters
  const reserved: PreparedParam[] = [];
  const inline: string[] = [];
  let initialPageToken: PreparedParam | undefined;
  for (const param of input.params) {
    if (allPages && param.name === "pageToken") {
      initialPageToken = param;
      continue;
    }
    if (download && param.name === "alt") continue;
    const key = tsParamKey(param.name, { required: param.model.required });
    refuseProtoKey(input.method.id, param.name, key.key);
    if (key.needsSeparateDeclaration && api.inGoogleapis) reserved.push(param);
    else inline.push(`${key.source}: ${tsParamValue(param)},`);
  }
  if (allPages) inline.push("pageToken,");
  if (download) inline.push("alt: 'media',");
  if (reserved.length > 0) {
    push(
      '// googleapis strips one trailing "_" from each key; these names would otherwise be read as options.',
    );
    push('// Declared apart because the generated types list them without the "_".');
    block(
      "const extraParams = {",
      () => {
        for (const p of reserved)
          push(`${tsParamKey(p.name, { required: p.model.required }).source}: ${tsParamValue(p)},`);
      },
      "};",
    );
    inline.push("...extraParams,");
  }
  if (usesBody(input) && input.body !== null) inline.push(`requestBody: ${tsLiteral(input.body)},`);
  if (upload && input.media) {
    const mediaLines = [
      ...(input.media.mimeType !== undefined && input.media.mimeType !== ""
        ? [
            `mimeType: ${tsString(checkHeaderField("content-type", input.media.mimeType, "the request's media.mimeType"))},`,
          ]
        : []),
      `body: createReadStream(${tsString(input.media.fileName)}),`,
    ];
    inline.push(["media: {", ...mediaLines.map((l) => `  ${l}`), "},"].join("\n"));
  }

  const call = (resultVar: string, second?: string): void => {
    const chain = tsCallChain(input, apiVar);
    const tail = second === undefined ? ")" : `, ${second})`;
    if (inline.length === 0) {
      push(`const ${resultVar} = await ${chain}({}${second === undefined ? "" : `, ${second}`});`);
      return;
    }
    push(`const ${resultVar} = await ${chain}({`);
    for (const line of inline) push(line, 1);
    push(`}${tail};`);
  };

  if (streamed) {
    call("res", api.inGoogleapis ? "{ responseType: 'stream' }" : undefined);
    push(`await pipeline(res.data, createWriteStream(${tsString(options.downloadTo)}));`);
    push(`console.log('Saved', ${tsString(options.downloadTo)});`);
  } else if (allPages) {
    const initial = initialPageToken === undefined ? "" : ` = ${tsParamValue(initialPageToken)}`;
    push(`let pageToken: string | undefined${initial};`);
    block(
      "do {",
      () => {
        call("res");
        push("console.log(JSON.stringify(res.data, null, 2));");
        push("pageToken = res.data.nextPageToken ?? undefined;");
      },
      "} while (pageToken);",
    );
  } else {
    call("res");
    push("console.log(JSON.stringify(res.data, null, 2));");
  }
  return b.join();
}

function emitOAuth(b: CodeBuilder, input: SnippetInput, tokenCache: boolean, headless = false): void {
  const { push, blank, block } = b;
  const scopes =
    input.auth.type === "oauth" && input.auth.scopes.length > 0 ? input.auth.scopes : input.method.scopes;
  push(`const SCOPES = ${tsLiteral([...scopes])};`);
  if (tokenCache) {
    push("// token.json caches your tokens between runs. Delete it when you change SCOPES.");
    push("const TOKEN_FILE = 'token.json';");
  }
  blank();
  if (headless) {
    push("// The sign-in returns here; nothing listens on it (see the header).");
    push(`const REDIRECT_URI = ${tsString(HEADLESS_REDIRECT_URI)};`);
    blank();
    emitReadLine(b);
  } else {
    emitOpenBrowser(b);
  }
  blank();
  push(
    headless
      ? "/** Signs in on another device (PKCE + state, pasted address) and returns an authorized client. */"
      : "/** Signs in with the loopback flow (PKCE + state) and returns an authorized client. */",
  );
  block(
    "async function authorize(): Promise<Auth.OAuth2Client> {",
    () => {
      authorizeBody(b, tokenCache, headless);
    },
    "}",
  );
  blank();
}

/** Reads one line of the terminal (null at end of input: nothing was pasted). */
function emitReadLine(b: CodeBuilder): void {
  const { push, block } = b;
  push("/** Prints `prompt` and reads one line from the terminal; null when the input ends first. */");
  block(
    "async function readLine(prompt: string): Promise<string | null> {",
    () => {
      push("process.stdout.write(prompt);");
      push("const lines = createInterface({ input: process.stdin });");
      push("for await (const line of lines) return line;");
      push("return null;");
    },
    "}",
  );
}

function emitOpenBrowser(b: CodeBuilder): void {
  const { push, block } = b;
  push(
    "/** Opens `url` in a browser ($BROWSER if set). Failures are ignored: the URL is printed as well. */",
  );
  block(
    "function openBrowser(url: string): void {",
    () => {
      push("const [command, args]: [string, string[]] = process.env.BROWSER");
      push("? [process.env.BROWSER, [url]]", 1);
      push(": process.platform === 'darwin'", 1);
      push("? ['open', [url]]", 2);
      push(": process.platform === 'win32'", 2);
      push("? ['rundll32', ['url.dll,FileProtocolHandler', url]]", 3);
      push(": ['xdg-open', [url]];", 3);
      push("const child = spawn(command, args, { detached: true, stdio: 'ignore' });");
      push("child.on('error', () => {});");
      push("child.unref();");
    },
    "}",
  );
}

function authorizeBody(b: CodeBuilder, tokenCache: boolean, headless: boolean): void {
  const { push, blank, block } = b;
  push("type ClientKeys = { client_id: string; client_secret: string };");
  push(
    "const file = JSON.parse(readFileSync('credentials.json', 'utf8')) as { installed?: ClientKeys; web?: ClientKeys };",
  );
  push("const keys = file.installed ?? file.web;");
  push(
    'if (!keys) throw new Error(\'credentials.json is not an OAuth client ID file (no "installed" or "web" key).\');',
  );
  push(
    "const client = new google.auth.OAuth2({ clientId: keys.client_id, clientSecret: keys.client_secret });",
  );
  if (tokenCache) {
    push("client.on('tokens', (tokens) => {");
    push(
      "writeFileSync(TOKEN_FILE, JSON.stringify({ ...client.credentials, ...tokens }, null, 2), { mode: 0o600 });",
      1,
    );
    push("});");
    block(
      "if (existsSync(TOKEN_FILE)) {",
      () => {
        push("client.setCredentials(JSON.parse(readFileSync(TOKEN_FILE, 'utf8')) as Auth.Credentials);");
        push("return client;");
      },
      "}",
    );
  }
  blank();
  if (headless) {
    emitHeadlessExchange(b, tokenCache);
    return;
  }
  push("const server = createServer();");
  push("await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));");
  push("const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;");
  push("const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();");
  push("const state = randomBytes(32).toString('hex');");
  block(
    "const authUrl = client.generateAuthUrl({",
    () => {
      push("access_type: 'offline',");
      push("scope: SCOPES,");
      push("redirect_uri: redirectUri,");
      push("state,");
      push("code_challenge: codeChallenge,");
      push("code_challenge_method: Auth.CodeChallengeMethod.S256,");
    },
    "});",
  );
  blank();
  block(
    "const code = await new Promise<string>((resolve, reject) => {",
    () => {
      block(
        "server.on('request', (req, res) => {",
        () => {
          push("const url = new URL(req.url ?? '/', redirectUri);");
          block(
            "if (url.pathname !== '/') {",
            () => {
              push("res.writeHead(404, { connection: 'close' }).end();");
              push("return;");
            },
            "}",
          );
          push("const returned = url.searchParams.get('code');");
          push("const ok = returned !== null && url.searchParams.get('state') === state;");
          push(
            "res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });",
          );
          push(
            "res.end(ok ? '<p>Signed in. You can close this tab.</p>' : '<p>Sign-in failed. You can close this tab.</p>');",
          );
          push("if (ok) resolve(returned);");
          push(
            "else reject(new Error(`Sign-in failed: ${url.searchParams.get('error') ?? 'missing code or wrong state'}`));",
          );
        },
        "});",
      );
      push("console.log(`Open this URL in your browser to sign in:\\n${authUrl}`);");
      push("openBrowser(authUrl);");
    },
    "}).finally(() => server.close());",
  );
  blank();
  push("const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });");
  push("client.setCredentials(tokens);");
  if (tokenCache) push("writeFileSync(TOKEN_FILE, JSON.stringify(tokens, null, 2), { mode: 0o600 });");
  push("return client;");
}

/**
 * The headless sign-in: the URL with PKCE S256 and a random state is printed; the address the browser ended on
 * (`REDIRECT_URI?code=…&state=…`, a page that failed to load) is pasted back; the state is checked before the code
 * is exchanged with the verifier.
 */
function emitHeadlessExchange(b: CodeBuilder, tokenCache: boolean): void {
  const { push, blank, block } = b;
  push("const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();");
  push("const state = randomBytes(32).toString('hex');");
  block(
    "const authUrl = client.generateAuthUrl({",
    () => {
      push("access_type: 'offline',");
      push("scope: SCOPES,");
      push("redirect_uri: REDIRECT_URI,");
      push("state,");
      push("code_challenge: codeChallenge,");
      push("code_challenge_method: Auth.CodeChallengeMethod.S256,");
    },
    "});",
  );
  push("console.log(`Open this URL in a browser on any device and sign in:\\n${authUrl}\\n`);");
  push("console.log(`The browser then fails to load a page on ${REDIRECT_URI}.`);");
  push("const pasted = await readLine('Copy the whole address from its address bar and paste it here: ');");
  push("if (pasted === null) throw new Error('Sign-in cancelled: no address was pasted.');");
  push("let returned = new URLSearchParams();");
  block("try {", () => push("returned = new URL(pasted.trim()).searchParams;"), "} catch {");
  push("// not an address: refused below, as it has no state", 1);
  push("}");
  block(
    "if (returned.get('state') !== state) {",
    () => {
      push(
        "throw new Error('Sign-in refused: the state in the pasted address does not match this sign-in. Paste the address that the URL printed by this run led to.');",
      );
    },
    "}",
  );
  push("const error = returned.get('error');");
  push("if (error !== null) throw new Error(`Sign-in failed: ${error}`);");
  push("const code = returned.get('code');");
  push("if (!code) throw new Error('Sign-in failed: the pasted address has no code.');");
  blank();
  push("const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: REDIRECT_URI });");
  push("client.setCredentials(tokens);");
  if (tokenCache) push("writeFileSync(TOKEN_FILE, JSON.stringify(tokens, null, 2), { mode: 0o600 });");
  push("return client;");
}

export const typescriptTarget: Target = {
  id: "typescript",
  label: "TypeScript (googleapis)",
  extension: "ts",
  language: "typescript",
  generate,
};

/**
 * googleapis-common un-aliases every key ending in `_` with `params[key.slice(0, -1)] = params[key]`, and an
 * object-literal key `__proto__:` sets the prototype: either way a parameter that ends up as `__proto__` is
 * silently not sent. So the snippet is refused rather than showing a request it would not make.
 * @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts ("Un-alias parameters")
 */
function refuseProtoKey(methodId: string, discoveryName: string, key: string): void {
  if (key === "__proto__" || key.slice(0, -1) === "__proto__") {
    // A typed refusal of the identifier door (the CLI prints one line, the code panel shows it for TypeScript only).
    throw new UnsafeIdentifier(
      "typescript",
      "parameter",
      discoveryName,
      "googleapis turns the key into the object's prototype",
      `${methodId}: googleapis cannot send the parameter ${JSON.stringify(discoveryName)} (its client turns the key into the object's prototype); use the Python, cURL or HTTP snippet.`,
    );
  }
}
