/**
 * The TypeScript target's auth emitters: one per auth kind (lib/request/auth-kinds.ts), in a Record keyed by the
 * kind, so a kind without one does not compile. Each says what the header tells the user, what to import, and
 * the code before the API client (returning what the client's options get as `auth`). googleapis 188 brings
 * google-auth-library 11 (`google.auth.GoogleAuth`, `Auth.Impersonated`), so no kind needs another package.
 * Pure; values only through tsString/tsLiteral.
 *
 * @see node_modules/googleapis/node_modules/google-auth-library/build/src/auth/googleauth.d.ts (keyFile, clientOptions)
 * @see node_modules/googleapis/node_modules/google-auth-library/build/src/auth/impersonated.d.ts
 */
import type { CodeBuilder } from "@/lib/codegen/code-builder";
import { tsLiteral, tsString } from "@/lib/codegen/literals/typescript";
import { HEADLESS_REDIRECT_URI, pushHeadlessHeader } from "@/lib/codegen/targets/headless";
import type { SnippetInput, SnippetOptions } from "@/lib/codegen/types";
import type { AuthKindId, AuthOf } from "@/lib/request/auth-kinds";

import {
  pushAdcHeader,
  pushDelegationHeader,
  pushImpersonationHeader,
  pushKeyWarning,
  pushQuotaProjectHint,
  SOURCE_SCOPE,
} from "../server-auth";

export interface TsAuthContext {
  readonly input: SnippetInput;
  readonly options: SnippetOptions;
}

/** One `import { names } from 'module'` (`type`: `import type`). The generator merges and orders them. */
export interface NodeImport {
  readonly from: string;
  readonly names: readonly string[];
  readonly type?: boolean;
}

export interface TsAuthEmitter<K extends AuthKindId> {
  /** Header lines after the Install and Save lines: what the credentials are and how to get them. */
  header(push: (line: string) => void, auth: AuthOf<K>, ctx: TsAuthContext): void;
  /** Node built-ins the auth code uses. */
  nodeImports(auth: AuthOf<K>, ctx: TsAuthContext): readonly NodeImport[];
  /** Names imported from googleapis besides `google` (e.g. `Auth`). */
  readonly googleapisImports: (auth: AuthOf<K>) => readonly string[];
  /** The code before the API client; returns the client option that carries the auth (`auth`), or null. */
  setup(b: CodeBuilder, auth: AuthOf<K>, ctx: TsAuthContext): string | null;
}

/** The scopes a scoped kind asks for: the chosen ones, else the method's (as the OAuth snippet always did). */
function scopesOf(auth: { readonly scopes: readonly string[] }, input: SnippetInput): string[] {
  return [...(auth.scopes.length > 0 ? auth.scopes : input.method.scopes)];
}

const oauth: TsAuthEmitter<"oauth"> = {
  header(push, auth) {
    push(
      '// credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google',
    );
    push("//   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.");
    if (auth.flow === "headless") pushHeadlessHeader(push, "//", "server.listen(8080, …)");
    else
      push(
        "//   Keep it next to this file. Sign-in opens your browser and returns to a local port (loopback flow).",
      );
  },
  nodeImports(auth, { options }) {
    const headless = auth.flow === "headless";
    const tokenCache = options.tokenCache === true;
    return [
      ...(headless ? [] : [{ from: "node:child_process", names: ["spawn"] }]),
      { from: "node:crypto", names: ["randomBytes"] },
      { from: "node:fs", names: [...(tokenCache ? ["existsSync", "writeFileSync"] : []), "readFileSync"] },
      ...(headless
        ? [{ from: "node:readline", names: ["createInterface"] }]
        : [
            { from: "node:http", names: ["createServer"] },
            { from: "node:net", names: ["AddressInfo"], type: true },
          ]),
    ];
  },
  googleapisImports: () => ["Auth"],
  setup(b, auth, { input, options }) {
    emitOAuth(b, input, options.tokenCache === true, auth.flow === "headless");
    b.push("const auth = await authorize();");
    return "auth";
  },
};

const apiKey: TsAuthEmitter<"apiKey"> = {
  header: (push) =>
    push("// Set GOOGLE_API_KEY to an API key (Google Cloud console → APIs & Services → Credentials)."),
  nodeImports: () => [],
  googleapisImports: () => [],
  setup({ push, block }) {
    push("const apiKey = process.env.GOOGLE_API_KEY;");
    block(
      "if (!apiKey) {",
      () => {
        push("console.error('Set the GOOGLE_API_KEY environment variable to your API key.');");
        push("process.exit(1);");
      },
      "}",
    );
    return "auth: apiKey";
  },
};

const none: TsAuthEmitter<"none"> = {
  header: (push) => push("// No credentials: this request is sent without authorization."),
  nodeImports: () => [],
  googleapisImports: () => [],
  setup: () => null,
};

const adc: TsAuthEmitter<"adc"> = {
  header(push) {
    pushAdcHeader(push, "//", "google.auth.GoogleAuth");
    pushQuotaProjectHint(push, "//");
  },
  nodeImports: () => [],
  googleapisImports: () => [],
  setup({ push, blank }, auth, { input }) {
    push(`const SCOPES = ${tsLiteral(scopesOf(auth, input))};`);
    blank();
    push("// Application Default Credentials (see the header), with SCOPES.");
    push("const auth = new google.auth.GoogleAuth({ scopes: SCOPES });");
    return "auth";
  },
};

const serviceAccount: TsAuthEmitter<"serviceAccount"> = {
  header(push, auth) {
    push(
      "// Credentials: a service-account key (JSON). Set GOOGLE_APPLICATION_CREDENTIALS to the key file's path",
    );
    push("//   (Google Cloud console → IAM & Admin → Service accounts → Keys → Add key → JSON).");
    pushKeyWarning(push, "//");
    if (auth.subject !== undefined) pushDelegationHeader(push, "//");
  },
  nodeImports: () => [],
  googleapisImports: () => [],
  setup({ push, blank, block }, auth, { input }) {
    push(`const SCOPES = ${tsLiteral(scopesOf(auth, input))};`);
    if (auth.subject !== undefined) {
      push("// Domain-wide delegation: the Workspace user the service account acts as.");
      push(`const SUBJECT = ${tsString(auth.subject)};`);
    }
    blank();
    push("const keyFile = process.env.GOOGLE_APPLICATION_CREDENTIALS;");
    block(
      "if (!keyFile) {",
      () => {
        push(
          'console.error("Set GOOGLE_APPLICATION_CREDENTIALS to the path of the service account\'s JSON key.");',
        );
        push("process.exit(1);");
      },
      "}",
    );
    if (auth.subject === undefined) {
      push("const auth = new google.auth.GoogleAuth({ keyFile, scopes: SCOPES });");
    } else {
      push("// clientOptions reach the JWT client made from the key: it asks for a token for SUBJECT.");
      block(
        "const auth = new google.auth.GoogleAuth({",
        () => {
          push("keyFile,");
          push("scopes: SCOPES,");
          push("clientOptions: { subject: SUBJECT },");
        },
        "});",
      );
    }
    return "auth";
  },
};

const impersonate: TsAuthEmitter<"impersonate"> = {
  header(push) {
    pushImpersonationHeader(push, "//", "google.auth.GoogleAuth");
  },
  nodeImports: () => [],
  googleapisImports: () => ["Auth"],
  setup({ push, blank, block }, auth, { input }) {
    push(`const SCOPES = ${tsLiteral(scopesOf(auth, input))};`);
    push("// The service account whose access token the call carries.");
    push(`const TARGET_SERVICE_ACCOUNT = ${tsString(auth.serviceAccount)};`);
    blank();
    push("// Your Application Default Credentials, impersonating TARGET_SERVICE_ACCOUNT.");
    block(
      "const source = await new google.auth.GoogleAuth({",
      () => push(`scopes: [${tsString(SOURCE_SCOPE)}],`),
      "}).getClient();",
    );
    block(
      "const auth = new Auth.Impersonated({",
      () => {
        push("sourceClient: source,");
        push("targetPrincipal: TARGET_SERVICE_ACCOUNT,");
        push("targetScopes: SCOPES,");
        push("lifetime: 3600,");
      },
      "});",
    );
    return "auth";
  },
};

export const TYPESCRIPT_AUTH: { readonly [K in AuthKindId]: TsAuthEmitter<K> } = {
  oauth,
  adc,
  serviceAccount,
  impersonate,
  apiKey,
  none,
};

/** The emitter of `auth`'s kind, typed for that auth. */
export function typescriptAuth<K extends AuthKindId>(auth: AuthOf<K>): TsAuthEmitter<K> {
  return TYPESCRIPT_AUTH[auth.type as K];
}

// ------------------------------------------------------------------------------------------------ OAuth

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
