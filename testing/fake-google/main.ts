/**
 * The fake Google as a standalone process, for the browser e2e tests (playwright.config.ts starts it):
 *
 *   npx tsx testing/fake-google/main.ts --port 3191 --control-port 3192
 *
 * - :3191 is the TLS-intercepting proxy Chromium is launched through (accounts.google.com consent screen,
 *   *.googleapis.com APIs with CORS, oauth2.googleapis.com token/revoke).
 * - :3192 (plain http, loopback) serves the explorer's SERVER side and the tests:
 *     POST /token, POST /revoke   the token and revocation endpoints, relayed into the fake (the Next.js server
 *                                 is configured with these URLs: it does not go through a proxy)
 *     GET  /state                 what the fake saw (records with bodies as text/base64, tokens, grants, revocations)
 *     POST /reset                 forget records (issued tokens stay valid)
 *     GET  /healthz
 * Scenario handlers for e2e/try-it.spec.ts are registered below.
 */
import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";

import {
  googleError,
  mediaResponse,
  requestThroughFake,
  startFakeGoogle,
  type ApiResponse,
  type RecordedRequest,
} from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3191" },
    "control-port": { type: "string", default: "3192" },
  },
});

const YOUTUBE_WRITE_SCOPES = [
  "https://www.googleapis.com/auth/youtube",
  "https://www.googleapis.com/auth/youtube.force-ssl",
  "https://www.googleapis.com/auth/youtubepartner",
];

/** Google's answer to a token without any of the scopes a method accepts (shape as Google sends it). */
function insufficientScopes(): ApiResponse {
  const r = googleError(
    403,
    "PERMISSION_DENIED",
    "insufficientPermissions",
    "Request had insufficient authentication scopes.",
    {},
  );
  (r.json as { error: { details: unknown[] } }).error.details = [
    {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
      domain: "googleapis.com",
      metadata: { service: "youtube.googleapis.com", method: "youtube.api.v3.V3DataPlaylistService.Insert" },
    },
  ];
  r.headers = {
    "www-authenticate": `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${YOUTUBE_WRITE_SCOPES.join(" ")}"`,
  };
  return r;
}

function requireScope(scopes: readonly string[], answer: (req: RecordedRequest) => ApiResponse) {
  return (req: RecordedRequest): ApiResponse =>
    req.auth === "bearer" && !(req.tokenScopes ?? []).some((s) => scopes.includes(s))
      ? insufficientScopes()
      : answer(req);
}

async function main() {
  const fake = await startFakeGoogle({ port: Number(values.port) });

  fake.addApiHandler({
    name: "youtube.playlists.insert (needs a write scope)",
    host: "youtube.googleapis.com",
    method: "POST",
    path: "/youtube/v3/playlists",
    handle: requireScope(YOUTUBE_WRITE_SCOPES, (req) => ({
      json: { kind: "youtube#playlist", id: `PL-fake-${req.seq}`, ...JSON.parse(String(req.body) || "{}") },
    })),
  });
  fake.addApiHandler({
    name: "youtube.search.list (no CORS)",
    host: "youtube.googleapis.com",
    path: "/youtube/v3/search",
    noCors: true,
    handle: () => ({ json: { kind: "youtube#searchListResponse", items: [] } }),
  });
  fake.addApiHandler({
    name: "drive.files.get alt=media",
    host: "www.googleapis.com",
    method: "GET",
    path: /^\/drive\/v3\/files\/[^/]+$/,
    handle: (req) =>
      req.query.some(([k, v]) => k === "alt" && v === "media")
        ? mediaResponse(Buffer.from("%PDF-1.4 fake pdf bytes\n"), "application/pdf")()
        : {
            json: {
              kind: "drive#file",
              id: req.path.split("/").pop(),
              name: "report.pdf",
              mimeType: "application/pdf",
            },
          },
  });

  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });

  const control = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method === "GET" && path === "/healthz") return res.end("ok");
      if (req.method === "POST" && path === "/reset") {
        fake.clearRecords();
        return res.end("ok");
      }
      if (req.method === "GET" && path === "/state") {
        res.setHeader("content-type", "application/json");
        const records = fake.records.map((r) => ({
          ...r,
          body: typeof r.body === "string" ? r.body : { base64: r.body.toString("base64") },
          upload: r.upload && {
            ...r.upload,
            parts: r.upload.parts.map((p) => ({ headers: p.headers, base64: p.body.toString("base64") })),
          },
        }));
        return res.end(
          JSON.stringify({
            records,
            problems: fake.problems,
            issuedTokens: fake.issuedTokens,
            grants: fake.grants,
            revokedTokens: fake.revokedTokens,
          }),
        );
      }
      if (req.method === "POST" && (path === "/token" || path === "/revoke")) {
        const body = await readBody(req);
        const headers: Record<string, string> = {};
        for (const k of ["content-type", "authorization", "accept"]) {
          const v = req.headers[k];
          if (typeof v === "string") headers[k] = v;
        }
        const answer = await requestThroughFake(fake, `https://oauth2.googleapis.com${path}`, {
          method: "POST",
          headers,
          body,
        });
        res.statusCode = answer.status;
        res.setHeader("content-type", answer.headers["content-type"] ?? "application/json");
        return res.end(answer.body);
      }
      res.statusCode = 404;
      res.end("not found");
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  const controlPort = Number(values["control-port"]);
  control.listen(controlPort, "127.0.0.1", () =>
    console.log(`fake-google: proxy on ${fake.proxyUrl}, control on http://127.0.0.1:${controlPort}`),
  );
  const stop = () => {
    control.close();
    void fake.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error("fake-google:", err);
  process.exit(1);
});
