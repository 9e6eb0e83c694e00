/**
 * Runs many generated TypeScript snippets VERBATIM in ONE node process (run with `node --import tsx`), offline,
 * and records the HTTP requests googleapis 188 builds. Each snippet is its own module file, imported in turn
 * (top-level await: the import settles when the snippet is done).
 *
 * Only the edges are replaced:
 * - gaxios (every copy in node_modules): `Gaxios.prototype._defaultAdapter` — the step that would call fetch —
 *   records the fully prepared request (URL with query, headers incl. Authorization, body) and answers like a
 *   permissive API: `{}` for API calls, a fake token for the OAuth token endpoint, the snapshot document for
 *   `google.discoverAPI`'s Discovery URL. Everything above it (googleapis-common, google-auth-library's
 *   OAuth2Client.getToken / request with the Bearer header) is the real code.
 * - `child_process.spawn` for `$BROWSER` (set to a marker): instead of opening a browser, it plays the user —
 *   reads `redirect_uri` and `state` from the sign-in URL and GETs `redirect_uri?code=…&state=…` on the snippet's
 *   real loopback server (PKCE/state checks in the snippet run as written).
 *
 * argv: input.json output.json; input: [{ name, file, doc, discoveryUrl }]; output: [{ name, ok, error, requests, ms }].
 */
import childProcess from "node:child_process";
import { EventEmitter } from "node:events";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";

interface Item {
  readonly name: string;
  readonly file: string;
  readonly doc: string;
  /** The Discovery URL the snippet's google.discoverAPI fetches (APIs googleapis lacks), else null. */
  readonly discoveryUrl: string | null;
}
interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export const FAKE_TOKEN = "ya29.fake-token";
const BROWSER_MARKER = "verify-all-fake-browser";
const TIMEOUT_MS = 60_000;

const state: {
  requests: Recorded[];
  doc: string;
  discoveryUrl: string | null;
  browser: string[];
  errors: string[];
} = {
  requests: [],
  doc: "",
  discoveryUrl: null,
  browser: [],
  errors: [],
};

async function bodyText(body: unknown): Promise<string | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === "string") return body;
  if (Buffer.isBuffer(body)) return body.toString("utf8");
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Readable || (typeof body === "object" && Symbol.asyncIterator in (body as object))) {
    const chunks: Buffer[] = [];
    for await (const c of body as AsyncIterable<unknown>)
      chunks.push(typeof c === "string" ? Buffer.from(c) : Buffer.from(c as Uint8Array));
    return Buffer.concat(chunks).toString("utf8");
  }
  return String(body);
}

function headersObject(h: unknown): Record<string, string> {
  if (h instanceof Headers) return Object.fromEntries(h.entries());
  if (h && typeof h === "object")
    return Object.fromEntries(
      Object.entries(h as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
  return {};
}

const docCache = new Map<string, unknown>();

async function fakeAdapter(this: unknown, config: Record<string, unknown>): Promise<unknown> {
  const url = String(config.url);
  const rec: Recorded = {
    method: String(config.method ?? "GET").toUpperCase(),
    url,
    headers: headersObject(config.headers),
    body: await bodyText(config.body ?? config.data),
  };
  let data: unknown = {};
  if (url.startsWith("https://oauth2.googleapis.com/token")) {
    data = {
      access_token: FAKE_TOKEN,
      expires_in: 3600,
      token_type: "Bearer",
      refresh_token: "1//fake-refresh",
    };
    state.browser.push(`token:${rec.body ?? ""}`);
  } else if (state.discoveryUrl !== null && url === state.discoveryUrl) {
    if (!docCache.has(state.doc)) {
      docCache.clear();
      docCache.set(state.doc, JSON.parse(readFileSync(state.doc, "utf8")));
    }
    data = docCache.get(state.doc);
    state.browser.push(`discovery:${url}`);
  } else {
    state.requests.push(rec);
  }
  const headers = new Headers({ "content-type": "application/json" });
  let payload: unknown = data;
  if (config.responseType === "stream") payload = Readable.from([Buffer.from(JSON.stringify(data))]);
  else if (config.responseType === "text") payload = JSON.stringify(data);
  return { status: 200, statusText: "OK", ok: true, headers, url, config, data: payload };
}

/** Patches `_defaultAdapter` of every gaxios copy googleapis can reach. */
function patchGaxios(): string[] {
  const require = createRequire(import.meta.url);
  const roots = [
    dirname(require.resolve("googleapis/package.json")),
    dirname(require.resolve("googleapis-common/package.json")),
  ];
  const patched = new Set<string>();
  for (const root of roots) {
    const r = createRequire(join(root, "package.json"));
    for (const dep of ["gaxios", "google-auth-library"]) {
      let mainPath: string;
      try {
        mainPath = r.resolve(dep);
      } catch {
        continue;
      }
      if (dep === "google-auth-library") {
        // Its own gaxios copy.
        const r2 = createRequire(mainPath);
        try {
          mainPath = r2.resolve("gaxios");
        } catch {
          continue;
        }
      }
      if (patched.has(mainPath)) continue;
      const mod = require(mainPath) as { Gaxios: { prototype: Record<string, unknown> } };
      mod.Gaxios.prototype._defaultAdapter = fakeAdapter;
      patched.add(mainPath);
    }
  }
  return [...patched];
}

function patchBrowser(): void {
  const realSpawn = childProcess.spawn;
  const fake = (command: string, args?: readonly string[], options?: unknown): unknown => {
    if (command !== BROWSER_MARKER)
      return (realSpawn as (...a: unknown[]) => unknown)(command, args, options);
    const child = new EventEmitter() as EventEmitter & { unref: () => void; pid: number };
    child.unref = () => {};
    child.pid = 0;
    const authUrl = new URL(String(args?.[0]));
    state.browser.push(`browser:${authUrl.origin}${authUrl.pathname}`);
    const redirect = authUrl.searchParams.get("redirect_uri") ?? "";
    const back = new URL(redirect);
    back.searchParams.set("code", "fake-code");
    back.searchParams.set("state", authUrl.searchParams.get("state") ?? "");
    setImmediate(() => {
      fetch(back)
        .then((r) => r.text())
        .catch((e: unknown) => state.errors.push(`fake browser: ${String(e)}`));
    });
    return child;
  };
  (childProcess as unknown as Record<string, unknown>).spawn = fake;
  syncBuiltinESMExports();
}

async function main(): Promise<void> {
  const [src, dst] = process.argv.slice(2);
  const items = JSON.parse(readFileSync(src!, "utf8")) as Item[];
  process.env.BROWSER = BROWSER_MARKER;
  const patched = patchGaxios();
  patchBrowser();
  const realLog = console.log;
  const realExit = process.exit;
  let current: { errors: string[] } = { errors: [] };
  process.on("unhandledRejection", (e) => current.errors.push(`unhandledRejection: ${String(e)}`));
  const results: unknown[] = [];
  for (const item of items) {
    state.requests = [];
    state.doc = item.doc;
    state.discoveryUrl = item.discoveryUrl;
    state.browser = [];
    state.errors = [];
    current = { errors: state.errors };
    const out: string[] = [];
    console.log = (...a: unknown[]) => {
      out.push(a.map(String).join(" "));
    };
    process.exit = ((code?: number) => {
      throw new Error(`process.exit(${code ?? ""})`);
    }) as typeof process.exit;
    const t0 = performance.now();
    let error: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        import(pathToFileURL(item.file).href),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timeout after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        }),
      ]);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    } finally {
      clearTimeout(timer);
      console.log = realLog;
      process.exit = realExit;
    }
    results.push({
      name: item.name,
      ok: error === null && state.errors.length === 0,
      error: error ?? (state.errors.length > 0 ? state.errors.join("; ") : null),
      requests: state.requests,
      flow: state.browser,
      stdout: out.join("\n").slice(0, 500),
      ms: Math.round(performance.now() - t0),
    });
  }
  writeFileSync(`${dst}.tmp`, JSON.stringify({ patched, results }));
  renameSync(`${dst}.tmp`, dst!);
  process.exit(0);
}

await main();
