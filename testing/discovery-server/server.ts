/**
 * A tiny fake of Google's Discovery service (node:http, no dependencies) for e2e tests and offline development.
 *
 *   GET /discovery/v1/apis[?name=x][&preferred=true]   → discovery#directoryList
 *   GET /discovery/v1/apis/{name}/{version}/rest        → the document, byte for byte as on disk
 *   POST /__control/revision/{name}/{version}?revision=R → from now on that document is served with revision R
 *                                                         (a new revision of a live document; no R: as on disk)
 *
 * Documents come from a snapshot folder (google-api-python-client's discovery_cache/documents by default) plus
 * the synthetic fixtures in ./fixtures (malformed and hostile documents) and the shared hostile-documents set
 * (testing/hostile-documents/documents). Unknown paths get Google's JSON 404 shape.
 */
import { readdirSync, readFileSync, existsSync, createReadStream, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join, resolve } from "node:path";

import type { RawDirectoryItem, RawDirectoryList } from "../../lib/discovery/types";
import { misbehave } from "./behaviours";

export interface FakeDiscoveryOptions {
  /** Folder of `{name}.{version}.json` documents (and optionally `index.json`); null serves fixtures only. */
  readonly snapshotDir: string | null;
  /** Folder of extra documents (`{name}.{version}.json`, or any `*.json`/`*.txt` declared in fixtures.json). */
  readonly fixturesDir?: string;
  /** Artificial latency added to every response, in milliseconds. */
  readonly delayMs?: number;
}

interface DocEntry {
  readonly name: string;
  readonly version: string;
  readonly file: string;
  readonly meta: Omit<RawDirectoryItem, "discoveryRestUrl" | "kind" | "id" | "name" | "version">;
}

/** A fixture whose content is not a valid document (so its metadata must be declared separately). */
interface DeclaredFixture {
  readonly name: string;
  readonly version: string;
  readonly file: string;
  readonly title: string;
  readonly description: string;
}

export const DEFAULT_FIXTURES_DIR = resolve(__dirname, "fixtures");
/** The shared hostile-documents set (testing/hostile-documents): always served, next to the fixtures. */
export const HOSTILE_DOCUMENTS_DIR = resolve(__dirname, "..", "hostile-documents", "documents");

/** `.venv/lib/python3.*\/site-packages/googleapiclient/discovery_cache/documents`, or null. */
export function findSnapshotDir(root: string = process.cwd()): string | null {
  const lib = join(root, ".venv", "lib");
  if (!existsSync(lib)) return null;
  for (const dir of readdirSync(lib)
    .filter((d) => /^python3\.\d+$/.test(d))
    .sort()
    .reverse()) {
    const docs = join(lib, dir, "site-packages", "googleapiclient", "discovery_cache", "documents");
    if (existsSync(docs)) return docs;
  }
  return null;
}

function pickMeta(doc: Record<string, unknown>): DocEntry["meta"] {
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  const icons = doc.icons as RawDirectoryItem["icons"] | undefined;
  const labels = Array.isArray(doc.labels) ? (doc.labels as string[]) : undefined;
  return {
    title: str(doc.title),
    description: str(doc.description),
    documentationLink: str(doc.documentationLink),
    ...(icons ? { icons } : {}),
    ...(labels ? { labels } : {}),
  };
}

function readDocs(dir: string): DocEntry[] {
  const out: DocEntry[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".json") || f === "index.json" || f === "fixtures.json") continue;
    const file = join(dir, f);
    try {
      const doc = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      if (typeof doc.name === "string" && typeof doc.version === "string") {
        out.push({ name: doc.name, version: doc.version, file, meta: pickMeta(doc) });
      }
    } catch {
      // Unparseable files are only served when declared in fixtures.json.
    }
  }
  return out;
}

/** Stable versions (v1, v2.1) beat pre-release ones, then the higher number wins. */
function versionRank(v: string): [number, number[]] {
  const stable = /^v\d+(\.\d+)*$/.test(v) ? 1 : 0;
  const nums = (v.match(/\d+/g) ?? []).map(Number);
  return [stable, nums];
}

function compareRank(a: string, b: string): number {
  const [sa, na] = versionRank(a);
  const [sb, nb] = versionRank(b);
  if (sa !== sb) return sa - sb;
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export class FakeDiscovery {
  private readonly docs = new Map<string, DocEntry>();
  private readonly preferred = new Set<string>();
  private readonly order: string[] = [];

  constructor(private readonly options: FakeDiscoveryOptions) {
    const entries: DocEntry[] = [];
    const indexPreferred = new Map<string, string>();
    if (options.snapshotDir !== null) {
      entries.push(...readDocs(options.snapshotDir));
      const index = join(options.snapshotDir, "index.json");
      if (existsSync(index)) {
        const list = JSON.parse(readFileSync(index, "utf8")) as RawDirectoryList;
        for (const item of list.items ?? [])
          if (item.preferred === true) indexPreferred.set(item.name, item.version);
      }
    }
    const fixturesDir = options.fixturesDir ?? DEFAULT_FIXTURES_DIR;
    if (existsSync(fixturesDir)) {
      entries.push(...readDocs(fixturesDir));
      const declared = join(fixturesDir, "fixtures.json");
      if (existsSync(declared)) {
        for (const d of JSON.parse(readFileSync(declared, "utf8")) as DeclaredFixture[]) {
          entries.push({
            name: d.name,
            version: d.version,
            file: join(fixturesDir, d.file),
            meta: { title: d.title, description: d.description },
          });
        }
      }
    }
    if (existsSync(HOSTILE_DOCUMENTS_DIR)) entries.push(...readDocs(HOSTILE_DOCUMENTS_DIR));
    for (const e of entries) this.docs.set(`${e.name}/${e.version}`, e);
    this.order.push(...[...this.docs.keys()].sort());
    const byName = new Map<string, string[]>();
    for (const e of this.docs.values()) byName.set(e.name, [...(byName.get(e.name) ?? []), e.version]);
    for (const [name, versions] of byName) {
      const fromIndex = indexPreferred.get(name);
      const chosen =
        fromIndex !== undefined && versions.includes(fromIndex)
          ? fromIndex
          : [...versions].sort(compareRank).at(-1);
      if (chosen !== undefined) this.preferred.add(`${name}/${chosen}`);
    }
  }

  get size(): number {
    return this.docs.size;
  }

  directory(origin: string, filter: { name?: string | null; preferred?: boolean } = {}): RawDirectoryList {
    const items: RawDirectoryItem[] = [];
    for (const key of this.order) {
      const e = this.docs.get(key);
      if (e === undefined) continue;
      if (filter.name && e.name !== filter.name) continue;
      const preferred = this.preferred.has(key);
      if (filter.preferred && !preferred) continue;
      items.push({
        kind: "discovery#directoryItem",
        id: `${e.name}:${e.version}`,
        name: e.name,
        version: e.version,
        ...e.meta,
        discoveryRestUrl: `${origin}/discovery/v1/apis/${encodeURIComponent(e.name)}/${encodeURIComponent(e.version)}/rest`,
        preferred,
      });
    }
    return { kind: "discovery#directoryList", discoveryVersion: "v1", items };
  }

  /** Documents served with another revision than on disk (POST /__control/revision/…): key → revision. */
  private readonly revisions = new Map<string, string>();

  /** The control request that sets a document's revision; false for any other request. */
  private control(req: IncomingMessage, url: URL, res: ServerResponse): boolean {
    const m = /^\/__control\/revision\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (m === null || req.method !== "POST") return false;
    const key = `${decodeURIComponent(m[1] ?? "")}/${decodeURIComponent(m[2] ?? "")}`;
    if (!this.docs.has(key)) {
      sendError(res, 404, "Requested entity was not found.", "NOT_FOUND");
      return true;
    }
    const revision = url.searchParams.get("revision");
    if (revision) this.revisions.set(key, revision);
    else this.revisions.delete(key);
    res.writeHead(204);
    res.end();
    return true;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (this.control(req, url, res)) return;
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const send = (): void => {
      if (req.method !== "GET" && req.method !== "HEAD")
        return sendError(res, 405, "Method not allowed.", "METHOD_NOT_ALLOWED");
      if (url.pathname === "/discovery/v1/apis" || url.pathname === "/discovery/v1/apis/") {
        const body = JSON.stringify(
          this.directory(origin, {
            name: url.searchParams.get("name"),
            preferred: url.searchParams.get("preferred") === "true",
          }),
        );
        res.writeHead(200, {
          "content-type": "application/json; charset=UTF-8",
          "content-length": Buffer.byteLength(body),
        });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      if (misbehave(req, res)) return; // ./behaviours.ts: failing, slow, redirecting, … documents
      const m = /^\/discovery\/v1\/apis\/([^/]+)\/([^/]+)\/rest\/?$/.exec(url.pathname);
      if (m !== null) {
        const key = `${decodeURIComponent(m[1] ?? "")}/${decodeURIComponent(m[2] ?? "")}`;
        const entry = this.docs.get(key);
        if (entry === undefined) return sendError(res, 404, "Requested entity was not found.", "NOT_FOUND");
        const revision = this.revisions.get(key);
        if (revision !== undefined) {
          const doc = JSON.parse(readFileSync(entry.file, "utf8")) as Record<string, unknown>;
          const body = JSON.stringify({ ...doc, revision });
          res.writeHead(200, {
            "content-type": "application/json; charset=UTF-8",
            "content-length": Buffer.byteLength(body),
          });
          res.end(req.method === "HEAD" ? undefined : body);
          return;
        }
        res.writeHead(200, {
          "content-type": "application/json; charset=UTF-8",
          "content-length": statSync(entry.file).size,
        });
        if (req.method === "HEAD") res.end();
        else createReadStream(entry.file).pipe(res);
        return;
      }
      if (url.pathname === "/healthz") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(`ok ${this.size} documents\n`);
        return;
      }
      sendError(res, 404, "Requested entity was not found.", "NOT_FOUND");
    };
    if (this.options.delayMs) setTimeout(send, this.options.delayMs);
    else send();
  }

  listen(port: number, host = "127.0.0.1"): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    return new Promise((resolveListen, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolveListen(server));
    });
  }
}

function sendError(res: ServerResponse, code: number, message: string, status: string): void {
  const body = JSON.stringify({
    error: { code, message, errors: [{ message, domain: "global", reason: "notFound" }], status },
  });
  res.writeHead(code, { "content-type": "application/json; charset=UTF-8" });
  res.end(body);
}
