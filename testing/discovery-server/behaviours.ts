/**
 * Documents that misbehave on purpose, for the server-hardening e2e (e2e/hostile-server.spec.ts). Not listed in
 * the directory (they would fail the search index and every listing test); reachable by URL only:
 *
 *   behave-failing/v1                 → HTTP 500 (the source fails: the page answers 502)
 *   behave-slow/v1                    → never answers (the source times out: 504)
 *   behave-redirect-to-other-host/v1  → 307 to a cloud metadata address (must not be followed: 502)
 *   behave-mismatch/v1                → a valid document named `other` (422: its links would be dead)
 *   behave-deep/v1                    → a schema nested 5,000 deep, built here (422, not a stack overflow)
 *   behave-huge/v1                    → a 30 MB description, built here (422: above EXPLORER_MAX_DOCUMENT_BYTES)
 *   behave-long-description/v1        → a valid document with a 2 MB description and a 5,000-value enum (rendered
 *                                       capped, with a link to the full text)
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const DEPTH = 5000;
const base = (name: string, extra: string) =>
  `{"kind":"discovery#restDescription","discoveryVersion":"v1","id":"${name}:v1","name":"${name}","version":"v1",` +
  `"title":"Misbehaving","rootUrl":"https://behave.googleapis.com/","servicePath":"",${extra}` +
  `"resources":{"things":{"methods":{"get":{"id":"${name}.things.get","path":"things","httpMethod":"GET"}}}}}`;

let huge: string | undefined;

const behaviours: Record<string, (res: ServerResponse) => void> = {
  "behave-failing": (res) => {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end("internal error");
  },
  "behave-slow": () => undefined,
  "behave-redirect-to-other-host": (res) => {
    res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" });
    res.end();
  },
  "behave-mismatch": (res) => json(res, base("other", "")),
  "behave-deep": (res) =>
    json(
      res,
      base(
        "behave-deep",
        `"schemas":{"Deep":${'{"type":"object","properties":{"next":'.repeat(DEPTH)}{"type":"string"}${"}}".repeat(DEPTH)}},`,
      ),
    ),
  "behave-long-description": (res) =>
    json(
      res,
      base(
        "behave-long-description",
        `"description":"${"long ".repeat(400_000)}",` +
          `"parameters":{"mode":{"type":"string","location":"query","description":"${"mode ".repeat(6_000)}",` +
          `"enum":[${Array.from({ length: 5000 }, (_, i) => `"v${i}"`).join(",")}]}},`,
      ),
    ),
  "behave-huge": (res) =>
    json(res, (huge ??= base("behave-huge", `"description":"${"x".repeat(30 * 1024 * 1024)}",`))),
};

function json(res: ServerResponse, body: string): void {
  res.writeHead(200, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** Answers `req` when it asks for a misbehaving document; false otherwise. */
export function misbehave(req: IncomingMessage, res: ServerResponse): boolean {
  const m = /^\/discovery\/v1\/apis\/(behave-[a-z-]+)\/v1\/rest\/?$/.exec(
    new URL(req.url ?? "/", "http://x").pathname,
  );
  const behaviour = m === null ? undefined : behaviours[m[1]!];
  if (behaviour === undefined) return false;
  behaviour(res);
  return true;
}
