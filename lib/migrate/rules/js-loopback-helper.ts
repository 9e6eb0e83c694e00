/**
 * The loopback sign-in that replaces @google-cloud/local-auth's `authenticate({scopes, keyfilePath})`, written
 * as a local function with the same name and call shape, so the rest of the user's file stays as it was. Same
 * flow as the explorer's TypeScript snippets (lib/codegen/targets/typescript/client.ts): googleapis' own
 * google.auth.OAuth2 (one copy of google-auth-library, so the Authorization header is sent), PKCE S256, a random
 * state that is checked, a server on 127.0.0.1:0, $BROWSER/open/xdg-open, and the URL always printed.
 * Node modules are loaded with `await import()` inside the function, so it works in CommonJS and ES modules.
 */
type Typed = (annotation: string) => string;

/** The loopback sign-in on `client` (an OAuth2 client of googleapis): from the server to `tokens`. */
function signInSteps(t: Typed, authUrlOptions: string): string {
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
    code_challenge_method: 'S256'${t(" as NonNullable<Parameters<typeof client.generateAuthUrl>[0]>['code_challenge_method']")},
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

  const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });`;
}

export function loopbackAuthenticate(name: string, googleName: string, typed: boolean): string {
  const t: Typed = (annotation) => (typed ? annotation : "");
  return `/** Signs in with the loopback flow (PKCE + state) and returns an authorized client (replaces @google-cloud/local-auth). */
async function ${name}({ scopes, keyfilePath }${t(": { scopes: string | string[]; keyfilePath: string }")}) {
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(keyfilePath, 'utf8'));
  const keys = file.installed ?? file.web;
  if (!keys) throw new Error(\`\${keyfilePath} is not an OAuth client ID file (no "installed" or "web" key).\`);
  const client = new ${googleName}.auth.OAuth2({ clientId: keys.client_id, clientSecret: keys.client_secret });
${signInSteps(t, "access_type: 'offline',\n    scope: scopes,")}
  client.setCredentials(tokens);
  return client;
}`;
}

export const LOOPBACK_GET_TOKEN = "loopbackGetToken";

/**
 * Replaces the copy-the-code prompt: the same generateAuthUrl options plus a loopback redirect, PKCE and state;
 * resolves the tokens that getToken(code) gave before. `clientType` is the TS type of the client parameter.
 */
export function loopbackGetToken(typed: boolean, clientType: string): string {
  const t: Typed = (annotation) => (typed ? annotation : "");
  return `/** Signs in with the loopback flow (PKCE + state) instead of the blocked copy-the-code prompt; resolves the tokens. */
async function ${LOOPBACK_GET_TOKEN}(client${t(`: ${clientType}`)}, authUrlOptions${t(": Record<string, unknown>")}) {
${signInSteps(t, "...authUrlOptions,")}
  return tokens;
}`;
}
