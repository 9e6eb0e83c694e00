/**
 * The sign-ins that replace @google-cloud/local-auth's `authenticate({scopes, keyfilePath})` and the blocked
 * copy-the-code prompt, written as local functions so the rest of the user's file stays as it was. Same flows as
 * the explorer's TypeScript snippets (lib/codegen/targets/typescript/client.ts), on googleapis' own
 * google.auth.OAuth2 (one copy of google-auth-library, so the Authorization header is sent), PKCE S256 and a
 * random state that is checked:
 * - loopback: a server on 127.0.0.1:0, $BROWSER/open/xdg-open, and the URL always printed;
 * - headless ("no browser on this machine"): the redirect URI of the explorer's headless snippets, which nothing
 *   listens on; the user opens the URL on any device and pastes back the address the browser could not load.
 * Node modules are loaded with `await import()` inside the function, so it works in CommonJS and ES modules.
 */
import { HEADLESS_PORT, HEADLESS_REDIRECT_URI } from "../../codegen/targets/headless";

type Typed = (annotation: string) => string;

/** The S256 method, typed for TypeScript files (the literal alone widens to string). */
function s256(t: Typed): string {
  return `'S256'${t(" as NonNullable<Parameters<typeof client.generateAuthUrl>[0]>['code_challenge_method']")}`;
}

/** The loopback sign-in on `client`; ends with `getTokenCall` awaited into `result`. */
function loopbackSteps(t: Typed, authUrlOptions: string, result: string): string {
  return `  const { spawn } = await import('node:child_process');
  const { randomBytes } = await import('node:crypto');
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise${t("<void>")}((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const redirectUri = \`http://127.0.0.1:\${typeof address === 'object' && address ? address.port : 0}\`;
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(32).toString('hex');
  const authUrl = client.generateAuthUrl({
    ${authUrlOptions}
    redirect_uri: redirectUri,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: ${s256(t)},
  });

  const code = await new Promise${t("<string>")}((resolve, reject) => {
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== '/') {
        res.writeHead(404, { connection: 'close' }).end();
        return;
      }
      const returned = url.searchParams.get('code');
      const ok = returned !== null && url.searchParams.get('state') === state;
      res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      res.end(ok ? '<p>Signed in. You can close this tab.</p>' : '<p>Sign-in failed. You can close this tab.</p>');
      if (ok) resolve(returned);
      else reject(new Error(\`Sign-in failed: \${url.searchParams.get('error') ?? 'missing code or wrong state'}\`));
    });
    console.log(\`Open this URL in your browser to sign in:\\n\${authUrl}\`);
    const [command, args]${t(": [string, string[]]")} = process.env.BROWSER
      ? [process.env.BROWSER, [authUrl]]
      : process.platform === 'darwin'
        ? ['open', [authUrl]]
        : process.platform === 'win32'
          ? ['rundll32', ['url.dll,FileProtocolHandler', authUrl]]
          : ['xdg-open', [authUrl]];
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  }).finally(() => server.close());

  const ${result} = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });`;
}

/** The headless sign-in on `client` (same steps and messages as the explorer's headless TypeScript snippets). */
function headlessSteps(t: Typed, authUrlOptions: string, result: string): string {
  return `  const { randomBytes } = await import('node:crypto');
  const { createInterface } = await import('node:readline');
  // Nothing listens on this address: the browser fails to load it, and you paste that address here.
  // (Or run the loopback sign-in over ssh -L ${HEADLESS_PORT}:localhost:${HEADLESS_PORT} from a machine with a browser.)
  const redirectUri = '${HEADLESS_REDIRECT_URI}';
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(32).toString('hex');
  const authUrl = client.generateAuthUrl({
    ${authUrlOptions}
    redirect_uri: redirectUri,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: ${s256(t)},
  });
  console.log(\`Open this URL in a browser on any device and sign in:\\n\${authUrl}\\n\`);
  console.log(\`The browser then fails to load a page on \${redirectUri}.\`);
  process.stdout.write('Copy the whole address from its address bar and paste it here: ');
  let pasted${t(": string | null")} = null;
  for await (const line of createInterface({ input: process.stdin })) {
    pasted = line;
    break;
  }
  if (pasted === null) throw new Error('Sign-in cancelled: no address was pasted.');
  let returned = new URLSearchParams();
  try {
    returned = new URL(pasted.trim()).searchParams;
  } catch {
    // not an address: refused below, as it has no state
  }
  if (returned.get('state') !== state) {
    throw new Error('Sign-in refused: the state in the pasted address does not match this sign-in. Paste the address that the URL printed by this run led to.');
  }
  const error = returned.get('error');
  if (error !== null) throw new Error(\`Sign-in failed: \${error}\`);
  const code = returned.get('code');
  if (!code) throw new Error('Sign-in failed: the pasted address has no code.');

  const ${result} = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });`;
}

function steps(headless: boolean): typeof loopbackSteps {
  return headless ? headlessSteps : loopbackSteps;
}

export function loopbackAuthenticate(
  name: string,
  googleName: string,
  typed: boolean,
  headless = false,
): string {
  const t: Typed = (annotation) => (typed ? annotation : "");
  const summary = headless
    ? "Signs in on another device (PKCE + state, pasted address) and returns an authorized client"
    : "Signs in with the loopback flow (PKCE + state) and returns an authorized client";
  return `/** ${summary} (replaces @google-cloud/local-auth). */
async function ${name}({ scopes, keyfilePath }${t(": { scopes: string | string[]; keyfilePath: string }")}) {
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(keyfilePath, 'utf8'));
  const keys = file.installed ?? file.web;
  if (!keys) throw new Error(\`\${keyfilePath} is not an OAuth client ID file (no "installed" or "web" key).\`);
  const client = new ${googleName}.auth.OAuth2({ clientId: keys.client_id, clientSecret: keys.client_secret });
${steps(headless)(t, "access_type: 'offline',\n    scope: scopes,", "{ tokens }")}
  client.setCredentials(tokens);
  return client;
}`;
}

export const LOOPBACK_GET_TOKEN = "loopbackGetToken";
export const HEADLESS_GET_TOKEN = "headlessGetToken";

/** The helper's name for the chosen flow. */
export function getTokenHelperName(headless: boolean): string {
  return headless ? HEADLESS_GET_TOKEN : LOOPBACK_GET_TOKEN;
}

/**
 * Replaces the copy-the-code prompt: the same generateAuthUrl options plus a loopback (or headless) redirect,
 * PKCE and state; resolves what `client.getToken(code)` resolved before ({ tokens, res }), so the user's own
 * handling of it stays as it was.
 */
export function getTokenHelper(typed: boolean, headless = false): string {
  const t: Typed = (annotation) => (typed ? annotation : "");
  const summary = headless
    ? "Signs in on another device (PKCE + state, pasted address) instead of the blocked copy-the-code prompt"
    : "Signs in with the loopback flow (PKCE + state) instead of the blocked copy-the-code prompt";
  return `/** ${summary}; resolves like client.getToken(code). */
async function ${getTokenHelperName(headless)}(client${t(": import('googleapis').Auth.OAuth2Client")}, authUrlOptions${t(": import('googleapis').Auth.GenerateAuthUrlOpts")}) {
${steps(headless)(t, "...authUrlOptions,", "response")}
  return response;
}`;
}
