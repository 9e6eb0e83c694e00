// Reference snippet (hand-written, NOT generated): the loopback OAuth flow with googleapis' own
// google-auth-library (google.auth.OAuth2) + PKCE (S256) + state, then YouTube channels.list for the signed-in
// user. Used only to prove the fake-Google harness. Run: node --import tsx snippet.ts (ESM).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Auth, google } from "googleapis";

const SCOPES = ["https://www.googleapis.com/auth/youtube.readonly"];

interface ClientSecrets {
  installed: { client_id: string; client_secret: string };
}

/** Opens the URL in the user's browser: $BROWSER if set, else the platform opener. Never throws. */
function openBrowser(url: string): void {
  const [cmd, args]: [string, string[]] = process.env.BROWSER
    ? [process.env.BROWSER, [url]]
    : process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", '""', url.replace(/&/g, "^&")]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined); // no opener: the printed URL is the fallback
    child.unref();
  } catch {
    // same: the user opens the printed URL by hand
  }
}

async function authorize(): Promise<Auth.OAuth2Client> {
  const secrets = JSON.parse(await readFile("credentials.json", "utf8")) as ClientSecrets;
  const { client_id: clientId, client_secret: clientSecret } = secrets.installed;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}/`;

  const client = new google.auth.OAuth2({ clientId, clientSecret, redirectUri });
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(16).toString("hex");
  const authUrl = client.generateAuthUrl({
    access_type: "offline",
    scope: SCOPES,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: Auth.CodeChallengeMethod.S256,
  });

  const code = await new Promise<string>((resolve, reject) => {
    server.on("request", (req, res) => {
      const url = new URL(req.url ?? "/", redirectUri);
      if (url.pathname !== "/") {
        res.writeHead(404).end();
        return;
      }
      const error = url.searchParams.get("error");
      const got = url.searchParams.get("code");
      if (error || !got || url.searchParams.get("state") !== state) {
        res
          .writeHead(400, { "content-type": "text/plain" })
          .end("Authorization failed. You may close this window.");
        reject(new Error(error ? `authorization failed: ${error}` : "missing code or state mismatch"));
        return;
      }
      res.writeHead(200, { "content-type": "text/plain", connection: "close" });
      res.end("Authorization complete. You may close this window.");
      resolve(got);
    });
    console.log(`Open this URL in your browser to authorize this app:\n${authUrl}\n`);
    openBrowser(authUrl);
  });
  server.close();

  const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
  client.setCredentials(tokens);
  return client;
}

const auth = await authorize();
const youtube = google.youtube({ version: "v3", auth });
const res = await youtube.channels.list({ part: ["snippet", "statistics"], mine: true });
console.log(JSON.stringify(res.data, null, 2));
