/**
 * Server-side IO for search (Node only): loads every document of the current Discovery source once per process,
 * builds the index (./build.ts), and serves it as one precomputed JSON body with an ETag.
 *
 * Loading all ~600 documents parses ~100 MB and takes seconds, so:
 * - it happens lazily, at most once per process (concurrent callers share one build), through a loader of its own
 *   with a tiny model cache, so the pages' cache of recently used APIs is not flushed by the sweep;
 * - fetches are concurrency-limited (8 at a time by default: a base-URL or live source is not hammered);
 * - for the local snapshot the result is persisted in `.cache/search-index/<key>.json`, the key hashing the
 *   snapshot folder's file names, sizes and mtimes (plus the index format), so restarts read it back in ~100 ms;
 * - for live or base-URL sources it is kept in memory and rebuilt in the background after `maxAgeMs` (stale
 *   while revalidating).
 * A document that fails to load is skipped and listed in `skipped`; only a failing directory fails the build.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DirectoryEntry } from "../discovery/directory";
import { createDiscoveryLoader, loaderOptionsFromEnv, type DiscoveryLoader } from "../discovery/load";
import { defaultSnapshotDir, parseDocumentFileName } from "../discovery/sources/snapshot";
import { buildSearchIndex, isSearchIndex } from "./build";
import { SEARCH_INDEX_FORMAT, type SearchIndex, type SearchSourceApi } from "./types";
import { mapLimit } from "@/lib/discovery/map-limit";

export interface ServedSearchIndex {
  /** The index as JSON, exactly the response body. */
  readonly body: string;
  /** A strong validator of `body`, quoted (`"…"`). */
  readonly etag: string;
  readonly source: string;
  readonly apis: number;
  readonly methods: number;
  readonly skipped: number;
  /** Where this copy came from, and how long getting it took. */
  readonly from: "build" | "disk";
  readonly ms: number;
  /** Date.now() when it was made. */
  readonly at: number;
}

export interface BuildOptions {
  /** Documents loaded at once (default 8). */
  readonly concurrency?: number;
}

/** Loads every directory entry's document through `loader` and builds the index. */
export async function buildSearchIndexFrom(
  loader: DiscoveryLoader,
  opts: BuildOptions & { readonly directory?: { entries: readonly DirectoryEntry[]; label: string } } = {},
): Promise<SearchIndex> {
  let directory = opts.directory;
  if (directory === undefined) {
    const d = await loader.getDirectory();
    directory = { entries: d.entries, label: d.source.label };
  }
  const skipped: string[] = [];
  const loaded = await mapLimit(
    directory.entries,
    opts.concurrency ?? 8,
    async (e): Promise<SearchSourceApi | null> => {
      try {
        const { api } = await loader.getApi(e.name, e.version);
        return {
          name: e.name,
          version: e.version,
          title: e.title,
          preferred: e.preferred,
          documentId: api.id,
          methods: api.methods,
        };
      } catch {
        skipped.push(e.id);
        return null;
      }
    },
  );
  return buildSearchIndex(
    loaded.filter((x): x is SearchSourceApi => x !== null),
    { source: directory.label, skipped: skipped.sort() },
  );
}

/** Key of a snapshot folder's contents: document names, sizes and mtimes, and the index format. */
export async function snapshotKey(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f === "index.json" || parseDocumentFileName(f)).sort();
  const hash = createHash("sha256").update(`format ${SEARCH_INDEX_FORMAT}\n${dir}\n`);
  for (const f of files) {
    const s = await stat(join(dir, f));
    hash.update(`${f}\t${s.size}\t${Math.trunc(s.mtimeMs)}\n`);
  }
  return hash.digest("hex").slice(0, 32);
}

const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

function served(
  body: string,
  index: SearchIndex,
  from: ServedSearchIndex["from"],
  t0: number,
): ServedSearchIndex {
  return {
    body,
    etag: etagOf(body),
    source: index.source,
    apis: index.apis.length,
    methods: index.methods.length,
    skipped: index.skipped.length,
    from,
    ms: Math.round(performance.now() - t0),
    at: Date.now(),
  };
}

async function readPersisted(file: string): Promise<{ body: string; index: SearchIndex } | null> {
  try {
    const body = await readFile(file, "utf8");
    const index: unknown = JSON.parse(body);
    return isSearchIndex(index) ? { body, index } : null;
  } catch {
    return null;
  }
}

/** Atomic write; older index files in the folder are removed (best effort). */
async function persist(cacheDir: string, file: string, body: string): Promise<void> {
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
    for (const f of await readdir(cacheDir))
      if (f.endsWith(".json") && join(cacheDir, f) !== file)
        await unlink(join(cacheDir, f)).catch(() => undefined);
  } catch {
    // A read-only checkout only loses the restart speed-up.
  }
}

export interface SearchIndexServiceOptions extends BuildOptions {
  readonly loader: DiscoveryLoader;
  /** Folder for persisted snapshot indexes; null disables persistence. */
  readonly cacheDir: string | null;
  /** The snapshot folder (to key the persisted index) when the loader may answer from it. */
  readonly snapshotDir: string | null;
  /** Age after which a non-snapshot index is rebuilt in the background (default 1 h). */
  readonly maxAgeMs?: number;
}

export interface SearchIndexService {
  /** The current index; the first call builds (or reads back) it. Rejects when the directory cannot be loaded. */
  get(): Promise<ServedSearchIndex>;
}

export function createSearchIndexService(opts: SearchIndexServiceOptions): SearchIndexService {
  const maxAge = opts.maxAgeMs ?? 60 * 60 * 1000;
  let current: ServedSearchIndex | null = null;
  let currentKind: string | null = null;
  let inflight: Promise<ServedSearchIndex> | null = null;

  const make = async (): Promise<ServedSearchIndex> => {
    const t0 = performance.now();
    const dir = await opts.loader.getDirectory();
    currentKind = dir.source.kind;
    const directory = { entries: dir.entries, label: dir.source.label };
    let file: string | null = null;
    if (dir.source.kind === "snapshot" && opts.snapshotDir !== null && opts.cacheDir !== null) {
      file = join(opts.cacheDir, `${await snapshotKey(opts.snapshotDir)}.json`);
      const hit = await readPersisted(file);
      if (hit !== null) return served(hit.body, hit.index, "disk", t0);
    }
    const index = await buildSearchIndexFrom(opts.loader, { ...opts, directory });
    const body = JSON.stringify(index);
    if (file !== null && opts.cacheDir !== null) await persist(opts.cacheDir, file, body);
    return served(body, index, "build", t0);
  };

  const refresh = (): Promise<ServedSearchIndex> =>
    (inflight ??= make()
      .then((s) => (current = s))
      .finally(() => (inflight = null)));

  return {
    get() {
      if (current === null) return refresh();
      if (currentKind !== "snapshot" && Date.now() - current.at > maxAge)
        void refresh().catch(() => undefined);
      return Promise.resolve(current);
    },
  };
}

// One service per process, kept on globalThis so Next.js dev-mode module reloads do not rebuild it.
const KEY = Symbol.for("google-api-explorer.search-index");
type Holder = { [KEY]?: SearchIndexService };

/** The process-wide index of the configured Discovery source (see the module comment). */
export function getSearchIndex(): Promise<ServedSearchIndex> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createSearchIndexService({
    loader: createDiscoveryLoader({ ...loaderOptionsFromEnv(), apiCacheSize: 2 }),
    cacheDir: join(process.cwd(), ".cache", "search-index"),
    snapshotDir: defaultSnapshotDir(),
  });
  return holder[KEY].get();
}

/** Forgets the process-wide index (tests). */
export function resetSearchIndex(): void {
  delete (globalThis as Holder)[KEY];
}
