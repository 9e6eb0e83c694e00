#!/usr/bin/env node
// The fake browser + fake user (started detached by fake-browser.sh; runnable directly too):
//   1. checks the consent URL (https://accounts.google.com/…, loopback redirect_uri, response_type=code, scope),
//   2. GETs it THROUGH the fake Google proxy (HTTPS_PROXY), trusting the test CA,
//   3. follows the 302 to the snippet's loopback server DIRECTLY (never through the proxy),
// and logs one JSON object per line to $FAKE_BROWSER_LOG (events: start, check, consent, callback, error, exit).
// FAKE_BROWSER_MODE=handoff (the headless flow: the browser is on another device): step 3 is skipped — nothing
// calls the loopback URL; the final URL is written to stdout (event "handoff") for the user to paste.
// Plain Node, no dependencies, so it runs from any working directory.
import { appendFileSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";

const LOG = process.env.FAKE_BROWSER_LOG;
const TIMEOUT_MS = Number(process.env.FAKE_BROWSER_TIMEOUT_MS || 20000);
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function log(event, data = {}) {
  const line = JSON.stringify({ t: Date.now(), pid: process.pid, event, ...data });
  if (LOG) appendFileSync(LOG, line + "\n");
  else process.stderr.write(line + "\n");
}

function fail(message, extra = {}) {
  log("error", { message, ...extra });
  log("exit", { ok: false });
  process.exit(1);
}

const timer = setTimeout(() => fail(`timed out after ${TIMEOUT_MS} ms`), TIMEOUT_MS);

function checkConsentUrl(raw) {
  const problems = [];
  let u;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, problems: [`not a URL: ${raw}`] };
  }
  if (u.protocol !== "https:") problems.push(`scheme is ${u.protocol}, expected https:`);
  if (u.hostname !== "accounts.google.com")
    problems.push(`host is ${u.hostname}, expected accounts.google.com`);
  const q = u.searchParams;
  const redirect = q.get("redirect_uri");
  let r;
  try {
    r = redirect ? new URL(redirect) : undefined;
  } catch {
    /* reported below */
  }
  if (!r) problems.push(`redirect_uri missing or not a URL: ${redirect}`);
  else if (r.protocol !== "http:" || !LOOPBACK.has(r.hostname))
    problems.push(`redirect_uri is not loopback http: ${redirect}`);
  if (q.get("response_type") !== "code")
    problems.push(`response_type is ${q.get("response_type")}, expected code`);
  if (!q.get("scope")) problems.push("scope missing");
  if (!q.get("client_id")) problems.push("client_id missing");
  return {
    ok: problems.length === 0,
    problems,
    redirectUri: redirect,
    params: Object.fromEntries(q),
  };
}

/** GET an https URL through an HTTP CONNECT proxy, trusting `ca`. Resolves {status, headers, body}. */
function getViaProxy(target, proxy, ca) {
  return new Promise((resolve, reject) => {
    const t = new URL(target);
    const p = new URL(proxy);
    const port = Number(t.port || 443);
    const connectReq = http.request({
      host: p.hostname,
      port: Number(p.port || 80),
      method: "CONNECT",
      path: `${t.hostname}:${port}`,
      headers: { host: `${t.hostname}:${port}` },
    });
    connectReq.on("error", reject);
    connectReq.on("connect", (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(new Error(`proxy CONNECT answered ${res.statusCode}`));
        return;
      }
      const req = https.request(
        {
          host: t.hostname,
          port,
          path: t.pathname + t.search,
          method: "GET",
          headers: { "user-agent": "fake-browser/1.0", accept: "text/html" },
          // no `agent`: Node then uses createConnection (an agent would ignore it)
          createConnection: () => tls.connect({ socket, servername: t.hostname, ca }),
        },
        (resp) => {
          const chunks = [];
          resp.on("data", (c) => chunks.push(c));
          resp.on("end", () =>
            resolve({
              status: resp.statusCode,
              headers: resp.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          resp.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    });
    connectReq.end();
  });
}

/** Plain GET straight to the loopback callback (no proxy). */
function getDirect(target) {
  return new Promise((resolve, reject) => {
    const req = http.get(target, { agent: false, headers: { "user-agent": "fake-browser/1.0" } }, (resp) => {
      const chunks = [];
      resp.on("data", (c) => chunks.push(c));
      resp.on("end", () =>
        resolve({
          status: resp.statusCode,
          headers: resp.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      resp.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function main() {
  const url = process.argv[2];
  log("start", { argv: process.argv.slice(2), url });
  if (!url) fail("no URL argument");

  const check = checkConsentUrl(url);
  log("check", check);
  if (!check.ok) fail("consent URL failed the checks", { problems: check.problems });

  const proxy =
    process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy;
  const caPath =
    process.env.FAKE_GOOGLE_CA || process.env.NODE_EXTRA_CA_CERTS || process.env.REQUESTS_CA_BUNDLE;
  if (!proxy) fail("no HTTPS_PROXY in the environment");
  if (!caPath) fail("no FAKE_GOOGLE_CA / NODE_EXTRA_CA_CERTS in the environment");
  const ca = [...tls.rootCertificates, readFileSync(caPath, "utf8")];

  let consent;
  try {
    consent = await getViaProxy(url, proxy, ca);
  } catch (e) {
    fail(`consent request failed: ${e.message}`);
  }
  const location = consent.headers.location;
  log("consent", {
    status: consent.status,
    location,
    body: consent.status === 302 ? undefined : consent.body.slice(0, 500),
  });
  if (consent.status !== 302 || !location) fail(`consent screen answered ${consent.status}, expected 302`);
  if (!location.startsWith(check.redirectUri))
    fail(`302 goes to ${location}, not to redirect_uri ${check.redirectUri}`);
  const back = new URL(location);
  const sentState = check.params.state;
  if (sentState !== undefined && back.searchParams.get("state") !== sentState) fail("state was not echoed");

  if (process.env.FAKE_BROWSER_MODE === "handoff") {
    log("handoff", { url: location });
    clearTimeout(timer);
    process.stdout.write(location + "\n", () => {
      log("exit", { ok: true });
      process.exit(0);
    });
    return;
  }

  let cb;
  // When the callback was sent: the snippet exchanges the code once it has it, possibly before the response
  // (and so this log line) reaches us, so only the sending time orders against the token exchange.
  const sentAt = Date.now();
  try {
    cb = await getDirect(location);
  } catch (e) {
    fail(`callback request to ${location} failed: ${e.message}`);
  }
  log("callback", { url: location, sentAt, status: cb.status, body: cb.body.slice(0, 500) });
  clearTimeout(timer);
  log("exit", { ok: cb.status === 200 });
  process.exit(cb.status === 200 ? 0 : 1);
}

main().catch((e) => fail(`unexpected: ${e && e.stack ? e.stack : e}`));
