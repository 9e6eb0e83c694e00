/**
 * The offline snapshot shipped by google-api-python-client: `{name}.{version}.json` files plus an `index.json`
 * directory list that covers only about half of them (304 of 604 in 2.201.0, two of which have no file).
 *
 * The directory this source lists has one entry per document FILE, named after the file: that is the key
 * `build(name, version)` uses (`discovery_cache.get_static_doc`), and it keeps legacy aliases such as
 * `admin.directoryv1.json` (whose document says version `directory_v1`) reachable. Files not in the index are
 * described by reading their top-level fields once per process (see ./top-level-fields.ts for why that is cheap).
 */
import { existsSync, readdirSync } from "node:fs";
import { open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RawDirectoryItem, RawDirectoryList, RawIcons } from "../types";
import { validateDirectoryList } from "../validate";
import { scanHead, scanTail } from "./top-level-fields";
import { DEFAULT_MAX_DOCUMENT_BYTES, tooLargeError } from "./http";
import { DiscoveryLoadError, type DiscoverySource, type DocumentRef } from "./types";
import { mapLimit } from "../map-limit";

const INDEX = "index.json";

/** The variables read here; narrower than NodeJS.ProcessEnv (which Next.js extends with a required NODE_ENV). */
export type Env = Readonly<Record<string, string | undefined>>;
/** Bytes read from each end of a document; measured on the 2.201.0 snapshot, see bench.ts. */
export const WINDOW_BYTES = 64 * 1024;
const CONCURRENCY = 16;
const WANTED = new Set(["name", "version", "title", "description", "documentationLink", "icons", "labels"]);

/**
 * `{project}/.venv/lib/python3.X/site-packages/googleapiclient/discovery_cache/documents`, or the
 * `EXPLORER_SNAPSHOT_DIR` override; null when neither exists.
 */
export function defaultSnapshotDir(cwd: string = process.cwd(), env: Env = process.env): string | null {
  if (env.EXPLORER_SNAPSHOT_DIR) return env.EXPLORER_SNAPSHOT_DIR;
  // Joined from a list so the bundler cannot resolve it at build time: Turbopack would trace the whole virtualenv
  // into the server bundle, and fails outright when .venv is a symlink out of the project (a git worktree).
  const lib = join(...[cwd, ".venv", "lib"]);
  let pythons: string[];
  try {
    pythons = readdirSync(lib)
      .filter((d) => /^python3\.\d+$/.test(d))
      .sort()
      .reverse();
  } catch {
    return null;
  }
  for (const py of pythons) {
    const dir = join(lib, py, "site-packages", "googleapiclient", "discovery_cache", "documents");
    if (existsSync(dir)) return dir;
  }
  return null;
}

/** `adsense.v1.4.json` → `{ name: "adsense", version: "v1.4" }`: names never contain dots, versions may. */
export function parseDocumentFileName(file: string): { name: string; version: string } | null {
  const m = /^([^.]+)\.(.+)\.json$/.exec(file);
  return m && file !== INDEX ? { name: m[1]!, version: m[2]! } : null;
}

/**
 * The files one document may be stored as: `{name}.{version}.json`, or with the underscores of the version dropped
 * (google-api-python-client ships `admin.directoryv1.json` for admin `directory_v1`).
 */
export function documentFileNames(name: string, version: string): string[] {
  const exact = `${name}.${version}.json`;
  const squeezed = `${name}.${version.replace(/_/g, "")}.json`;
  return squeezed === exact ? [exact] : [exact, squeezed];
}

/** Rejects anything that could step outside the directory. */
const isSafeSegment = (s: string) => s !== "" && !/[/\\\0]/.test(s) && !s.startsWith(".");

export interface DocumentSummary {
  readonly name?: string;
  readonly version?: string;
  readonly title?: string;
  readonly description?: string;
  readonly documentationLink?: string;
  readonly icons?: RawIcons;
  readonly labels?: readonly string[];
}

/** Top-level summary of one document file: head/tail windows first, a full parse only when they fall short. */
export async function summariseDocumentFile(
  path: string,
  windowBytes = WINDOW_BYTES,
): Promise<{ summary: DocumentSummary; fullParse: boolean }> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > 2 * windowBytes) {
      const head = Buffer.alloc(windowBytes);
      const tail = Buffer.alloc(windowBytes);
      await handle.read(head, 0, windowBytes, 0);
      await handle.read(tail, 0, windowBytes, size - windowBytes);
      try {
        const summary = {
          ...scanTail(tail.toString("utf8"), WANTED),
          ...scanHead(head.toString("utf8"), WANTED),
        } as DocumentSummary;
        if (
          typeof summary.name === "string" &&
          typeof summary.version === "string" &&
          typeof summary.title === "string"
        ) {
          return { summary, fullParse: false };
        }
      } catch {
        // A window cut through something odd: fall through to the full parse.
      }
    }
    const doc = JSON.parse(await handle.readFile("utf8")) as Record<string, unknown>;
    const summary: Record<string, unknown> = {};
    for (const key of WANTED) if (doc[key] !== undefined) summary[key] = doc[key];
    return { summary: summary as DocumentSummary, fullParse: true };
  } finally {
    await handle.close();
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

async function readIndex(dir: string): Promise<readonly RawDirectoryItem[]> {
  let text: string;
  try {
    text = await readFile(join(dir, INDEX), "utf8");
  } catch {
    return []; // No index: every file is summarised.
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const checked = validateDirectoryList(json);
  return checked.ok ? (checked.list.items ?? []) : [];
}

async function listSnapshot(dir: string): Promise<RawDirectoryList> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (e) {
    throw new DiscoveryLoadError(
      "unreachable",
      dir,
      `The Discovery snapshot directory ${dir} cannot be read (${(e as NodeJS.ErrnoException).code ?? e}).`,
      { cause: e },
    );
  }
  const docs = new Map<string, { name: string; version: string }>();
  for (const f of files) {
    const parsed = parseDocumentFileName(f);
    if (parsed) docs.set(f, parsed);
  }
  const items: RawDirectoryItem[] = [];
  const covered = new Set<string>();
  for (const item of await readIndex(dir)) {
    const file = documentFileNames(item.name, item.version).find((f) => docs.has(f));
    // The index lists a couple of documents that are not shipped (adsense v1.4, osconfig v1alpha2): skip them.
    if (file === undefined || covered.has(file)) continue;
    covered.add(file);
    items.push(item);
  }
  const missing = [...docs.keys()].filter((f) => !covered.has(f)).sort();
  const summaries = await mapLimit(missing, CONCURRENCY, (f) =>
    summariseDocumentFile(join(dir, f)).catch(() => null),
  );
  missing.forEach((file, i) => {
    const s = summaries[i]?.summary;
    // The document's own name and version win over the file's (admin.directoryv1.json is `directory_v1`): pages
    // link with the document's names, so listing the file's would lead to dead links.
    // Only when they lead back to this very file, so every listed entry can be fetched.
    const fromFile = docs.get(file)!;
    const own = { name: str(s?.name) ?? "", version: str(s?.version) ?? "" };
    const { name, version } = documentFileNames(own.name, own.version).includes(file) ? own : fromFile;
    const item: { -readonly [K in keyof RawDirectoryItem]: RawDirectoryItem[K] } = {
      kind: "discovery#directoryItem",
      id: `${name}:${version}`,
      name,
      version,
      title: str(s?.title) ?? name,
      description: str(s?.description) ?? "",
      preferred: false,
    };
    if (str(s?.documentationLink)) item.documentationLink = s!.documentationLink!;
    if (s?.icons && typeof s.icons === "object") item.icons = s.icons;
    if (Array.isArray(s?.labels)) item.labels = s!.labels!.filter((l): l is string => typeof l === "string");
    items.push(item);
  });
  return { kind: "discovery#directoryList", discoveryVersion: "v1", items };
}

/** Per-process cache of listings by directory: the expensive part must happen at most once. */
const listings = new Map<string, Promise<RawDirectoryList>>();

/** Forgets cached listings (tests; or after the snapshot was reinstalled). */
export function clearSnapshotListings(): void {
  listings.clear();
}

/**
 * A human label for the snapshot: the package that shipped it when the folder is google-api-python-client's
 * (`…/site-packages/googleapiclient/discovery_cache/documents` beside `google_api_python_client-X.dist-info`),
 * else the folder itself.
 */
export function snapshotLabel(dir: string): string {
  const sitePackages = join(dir, "..", "..", "..");
  try {
    const dist = readdirSync(sitePackages).find((d) => /^google_api_python_client-[^-]+\.dist-info$/.test(d));
    if (dist) return `snapshot from google-api-python-client ${dist.slice(25, -".dist-info".length)}`;
  } catch {
    // not a site-packages layout: fall through
  }
  return `snapshot in ${dir}`;
}

export function createSnapshotSource(
  dir: string,
  opts: { readonly maxBytes?: number } = {},
): DiscoverySource {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  return {
    kind: "snapshot",
    label: snapshotLabel(dir),
    listDirectory: () => {
      let p = listings.get(dir);
      if (!p) {
        p = listSnapshot(dir);
        listings.set(dir, p);
        p.catch(() => listings.delete(dir));
      }
      return p;
    },
    fetchDocumentText: async ({ name, version }: DocumentRef) => {
      if (!isSafeSegment(name) || !isSafeSegment(version) || name.includes(".")) {
        throw new DiscoveryLoadError("not-found", dir, `No document ${name} ${version} in the snapshot.`);
      }
      const files = documentFileNames(name, version);
      for (const file of files) {
        try {
          // Through a handle, not stat(path): Turbopack treats a path-based stat as a reference to a whole folder
          // and would trace (and here fail on) the snapshot's .venv.
          const handle = await open(join(dir, file), "r");
          try {
            const { size } = await handle.stat();
            if (size > maxBytes) throw tooLargeError(join(dir, file), size, maxBytes);
            return await handle.readFile("utf8");
          } finally {
            await handle.close();
          }
        } catch (e) {
          if (e instanceof DiscoveryLoadError) throw e;
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "ENOENT" || code === "ENOTDIR") continue;
          throw new DiscoveryLoadError(
            "unreachable",
            join(dir, file),
            `Reading ${file} from the snapshot failed (${code ?? e}).`,
            { cause: e },
          );
        }
      }
      throw new DiscoveryLoadError(
        "not-found",
        join(dir, files[0]!),
        `No document ${name} ${version} in the snapshot (${files.join(" / ")} does not exist).`,
      );
    },
  };
}
