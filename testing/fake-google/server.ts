// The fake Google: a mockttp TLS-intercepting HTTPS proxy that plays accounts.google.com (consent screen),
// oauth2.googleapis.com (token endpoint), iamcredentials.googleapis.com, the Discovery service and any
// *.googleapis.com API host — plus, on request, a plain-http metadata server. Snippets reach it through
// HTTPS_PROXY and trust it through the test CA (see ca.ts, run-snippet.ts).
// Every request is recorded; anything the fake does not understand becomes a `problems` entry, and a passing
// run must leave `problems` empty. This file wires the parts: state.ts (what is shared), router.ts (which endpoint
// answers), consent.ts, token-endpoint.ts + jwt-grant.ts, iam.ts, credentials.ts, discovery.ts, uploads.ts,
// metadata-server.ts.
import { getLocal, type CompletedRequest, type Mockttp } from "mockttp";
import { ensureTestCa } from "./ca";
import { discoveryService } from "./discovery";
import { startMetadataServer, type FakeMetadataServer } from "./metadata-server";
import { googleError } from "./responses";
import { createRouter, handlerMatches } from "./router";
import { createState, randomToken } from "./state";
import {
  FAKE_API_KEY,
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  type ApiResponse,
  type FakeGoogle,
  type FakeGoogleOptions,
  type RecordedRequest,
} from "./types";

export * from "./types";
export { googleError, mediaResponse, pagedResponse } from "./responses";
export { requestThroughFake } from "./request-through-fake";

function isTextContentType(ct: string | undefined): boolean {
  if (!ct) return true;
  return /json|x-www-form-urlencoded|^text\/|xml|javascript/i.test(ct);
}

function flatHeaders(h: CompletedRequest["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

export async function startFakeGoogle(opts: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const state = createState({
    clientId: opts.clientId ?? FAKE_CLIENT_ID,
    clientSecret: opts.clientSecret ?? FAKE_CLIENT_SECRET,
    apiKey: opts.apiKey ?? FAKE_API_KEY,
    lifetime: opts.tokenLifetimeSec ?? 3599,
    userEmail: opts.userEmail ?? "tester@example.com",
  });
  const extraHosts = new Set((opts.apiHosts ?? []).map((h) => h.toLowerCase()));
  const router = createRouter(state, discoveryService(opts.discoveryDir), extraHosts);

  const ca = await ensureTestCa();
  const server: Mockttp = getLocal({
    https: { cert: ca.cert, key: ca.key },
    http2: false,
    recordTraffic: false,
  });
  await server.start(opts.port);
  const metadata: FakeMetadataServer | undefined = opts.metadataServer
    ? await startMetadataServer(state, opts.metadataServer === true ? {} : opts.metadataServer)
    : undefined;

  // ---- the single mockttp rule: record, route, answer ----------------------------------------------------
  await server
    .forAnyRequest()
    .always()
    .thenCallback(async (req) => {
      const url = new URL(req.url);
      const qi = req.url.indexOf("?");
      const rawQuery = qi < 0 ? "" : req.url.slice(qi + 1).replace(/#.*$/, "");
      const headers = flatHeaders(req.headers);
      const buf = (await req.body.getDecodedBuffer()) ?? req.body.buffer;
      const rec: RecordedRequest = {
        seq: state.nextSeq(),
        time: Date.now(),
        host: url.hostname.toLowerCase(),
        method: req.method.toUpperCase(),
        path: url.pathname,
        rawQuery,
        query: [...new URLSearchParams(rawQuery)],
        url: req.url,
        headers,
        body: isTextContentType(headers["content-type"]) ? buf.toString("utf8") : buf,
        kind: "unmatched",
        authorized: false,
        auth: "none",
        status: 0,
      };
      state.records.push(rec);

      let res: ApiResponse;
      try {
        res = await router.route(rec, buf, url.protocol);
      } catch (e) {
        state.problem(rec, "handler", `handler threw: ${(e as Error).stack ?? String(e)}`);
        res = googleError(500, "INTERNAL", "backendError", "fake handler threw");
      }
      rec.status = res.status ?? 200;
      const outHeaders: Record<string, string> = { ...res.headers };
      // Google's APIs answer browsers with CORS headers (unless a handler plays an endpoint that does not).
      const corsOff = state.handlers.some((hd) => hd.noCors && handlerMatches(hd, rec));
      if (headers.origin !== undefined && (rec.kind === "api" || rec.kind === "discovery") && !corsOff) {
        outHeaders["access-control-allow-origin"] = headers.origin;
        outHeaders.vary = "Origin";
        outHeaders["access-control-expose-headers"] = "content-length, content-type, date";
      }
      let body: string | Buffer = "";
      if (res.json !== undefined) {
        outHeaders["content-type"] ??= "application/json; charset=UTF-8";
        body = JSON.stringify(res.json, null, 2);
      } else if (res.body !== undefined) {
        body = res.body;
      }
      return {
        statusCode: rec.status,
        headers: outHeaders,
        rawBody: typeof body === "string" ? Buffer.from(body) : body,
      };
    });

  return {
    proxyUrl: `http://127.0.0.1:${server.port}`,
    port: server.port,
    caPath: ca.certPath,
    clientId: state.config.clientId,
    clientSecret: state.config.clientSecret,
    apiKey: state.config.apiKey,
    records: state.records,
    problems: state.problems,
    issuedTokens: state.issuedTokens,
    grants: state.grants,
    revokedTokens: state.revokedTokens,
    metadataHost: metadata?.host,
    addApiHandler(spec) {
      if (typeof spec.host === "string") extraHosts.add(spec.host.toLowerCase());
      state.handlers.push(spec);
    },
    addServiceAccount(sa) {
      const keys = state.serviceAccounts.get(sa.email) ?? [];
      state.serviceAccounts.set(sa.email, [...keys.filter((k) => k.keyId !== sa.keyId), sa]);
    },
    addUserRefreshToken(o = {}) {
      const refreshToken = randomToken("1//fake-adc-refresh-");
      state.refreshTokens.set(refreshToken, {
        refreshToken,
        clientId: state.config.clientId,
        scope: o.scope ?? "https://www.googleapis.com/auth/cloud-platform",
      });
      return refreshToken;
    },
    clearRecords() {
      state.records.length = 0;
      state.problems.length = 0;
      state.issuedTokens.length = 0;
      state.grants.length = 0;
      state.revokedTokens.length = 0;
    },
    async stop() {
      await Promise.all([server.stop(), metadata?.stop()]);
    },
  };
}
