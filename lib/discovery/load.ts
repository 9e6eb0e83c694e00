/**
 * Server-side loading of Discovery data: the only module that picks sources, with caching and fallback.
 * IO lives here and in ./sources; everything it returns is built by the pure modules and deep-frozen.
 *
 * Configuration (read when the default loader is first used, or after resetDiscoveryCache()):
 * - `EXPLORER_DISCOVERY_SOURCE`: `auto` (default: live Google with a short timeout, then the snapshot; a live
 *   failure is remembered for a few minutes so pages don't each wait for the timeout) | `google` | `snapshot` |
 *   an http(s) base URL serving `/discovery/v1/apis[/{name}/{version}/rest]` (e.g. a fake Google in tests).
 * - `EXPLORER_SNAPSHOT_DIR`: the snapshot directory (default: the project venv's google-api-python-client).
 * - `EXPLORER_DISCOVERY_TIMEOUT_MS`: live request timeout (default 1500 in auto mode, 10000 otherwise).
 * - `EXPLORER_DOCUMENT_TTL_MS`: how long a live document is reused before it is fetched again (default 5 min), so
 *   a new revision reaches the pages (and the page cache, lib/page-cache). Snapshot documents never expire.
 * - `EXPLORER_MAX_DOCUMENT_BYTES`: the largest document accepted from any source (default 20 MB); a larger one is
 *   a clear `malformed` error instead of seconds of parsing and a page of hundreds of megabytes.
 */
import { createHash } from "node:crypto";

import { buildDirectory, findEntry, type DirectoryEntry } from "./directory";
import { Lru } from "./lru";
import { buildApiModel } from "./model";
import { apiRefProblem } from "./names";
import type { ApiModel } from "./model-types";
import { createBaseUrlSource } from "./sources/base-url";
import { createGoogleSource } from "./sources/google";
import { DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_TIMEOUT_MS } from "./sources/http";
import {
  clearSnapshotListings,
  createSnapshotSource,
  defaultSnapshotDir,
  type Env,
} from "./sources/snapshot";
import { redactUrlSecrets } from "./sources/redact";
import { DiscoveryLoadError, type DiscoverySource } from "./sources/types";
import { parseDiscoveryDocument, validateDirectoryList } from "./validate";

export interface SourceInfo {
  readonly kind: DiscoverySource["kind"];
  readonly label: string;
  /** Set when the primary (live) source failed and the snapshot answered instead: why live failed. */
  readonly fellBackFrom?: string;
}

export interface DirectoryResult {
  readonly entries: readonly DirectoryEntry[];
  readonly source: SourceInfo;
  /** A digest of the directory listing: what the directory page was rendered from (lib/page-cache). */
  readonly fingerprint?: string;
}

export interface ApiResult {
  readonly api: ApiModel;
  readonly source: SourceInfo;
  /** A digest of the document's text: changes with the document, also without a new revision (lib/page-cache). */
  readonly fingerprint?: string;
}

export interface LoaderOptions {
  /** Live Google or a base URL; null to use only the fallback. */
  readonly primary: DiscoverySource | null;
  /** The snapshot, used when the primary is unreachable, times out or serves a malformed document. */
  readonly fallback: DiscoverySource | null;
  /** How long a primary directory listing is reused (default 1 h). Snapshot listings never expire. */
  readonly directoryTtlMs?: number;
  /** How long a primary that was unreachable is skipped (default 5 min). */
  readonly primaryRetryAfterMs?: number;
  /** How long a primary document is reused before it is fetched again (default 5 min). Snapshot ones never expire. */
  readonly documentTtlMs?: number;
  /** Parsed ApiModels kept (default 20; compute documents are ~5 MB each). */
  readonly apiCacheSize?: number;
  /**
   * How long a failed document load is answered from memory (default 5 s), so a page's status check (proxy.ts)
   * and its render, or a burst of visitors, do not each wait for a failing or slow source again.
   */
  readonly failureTtlMs?: number;
  readonly now?: () => number;
}

export interface DiscoveryLoader {
  getDirectory(): Promise<DirectoryResult>;
  getApi(name: string, version: string): Promise<ApiResult>;
}

const HOUR = 60 * 60 * 1000;
const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

interface CachedApi {
  readonly api: ApiModel;
  readonly fingerprint: string;
  readonly expiresAt: number;
}
const info = (s: DiscoverySource, fellBackFrom?: string): SourceInfo =>
  fellBackFrom === undefined
    ? { kind: s.kind, label: s.label }
    : { kind: s.kind, label: s.label, fellBackFrom };
const asLoadError = (e: unknown, source: string): DiscoveryLoadError =>
  e instanceof DiscoveryLoadError
    ? e
    : new DiscoveryLoadError("unreachable", source, `Unexpected failure: ${(e as Error)?.message ?? e}`, {
        cause: e,
      });

/** Shares one in-flight promise per key, so concurrent requests for the same thing do the work once. */
function shared<T>(inflight: Map<string, Promise<T>>, key: string, work: () => Promise<T>): Promise<T> {
  let p = inflight.get(key);
  if (!p) {
    p = work().finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

export function createDiscoveryLoader(opts: LoaderOptions): DiscoveryLoader {
  const now = opts.now ?? Date.now;
  const ttl = opts.directoryTtlMs ?? HOUR;
  const retryAfter = opts.primaryRetryAfterMs ?? 5 * 60 * 1000;
  const documentTtl = opts.documentTtlMs ?? 5 * 60 * 1000;
  const apis = new Lru<string, CachedApi>(opts.apiCacheSize ?? 20);
  const failureTtl = opts.failureTtlMs ?? 5000;
  const failures = new Map<string, { error: unknown; until: number }>();
  const inflight = new Map<string, Promise<unknown>>();
  const directories = new Map<
    DiscoverySource,
    { entries: readonly DirectoryEntry[]; fingerprint: string; expiresAt: number }
  >();
  let primaryDown: { until: number; reason: string } | null = null;

  const primaryUsable = () => opts.primary !== null && (primaryDown === null || now() >= primaryDown.until);

  /** Decides whether a primary failure may be answered from the fallback, remembering outages. */
  const fallBackOn = (e: DiscoveryLoadError): string | null => {
    if (!opts.fallback || e.kind === "not-found") return null;
    const reason = `${opts.primary!.label}: ${e.message}`;
    if (e.kind === "unreachable" || e.kind === "timeout") primaryDown = { until: now() + retryAfter, reason };
    return reason;
  };

  type Listed = { entries: readonly DirectoryEntry[]; fingerprint: string };
  const directoryOf = (source: DiscoverySource): Promise<Listed> => {
    const cached = directories.get(source);
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached);
    return shared(inflight as Map<string, Promise<Listed>>, `dir|${source.label}`, async () => {
      let raw: unknown;
      try {
        raw = await source.listDirectory();
      } catch (e) {
        throw asLoadError(e, source.label);
      }
      const checked = validateDirectoryList(raw, `The directory from ${source.label}`);
      if (!checked.ok)
        throw new DiscoveryLoadError("malformed", source.label, checked.error.message, {
          problems: checked.error.problems,
        });
      const fingerprint = digest(JSON.stringify(checked.list));
      // The same listing again keeps its entries, so what was rendered from them stays valid.
      const entries = cached?.fingerprint === fingerprint ? cached.entries : buildDirectory(checked.list);
      const listed = { entries, fingerprint };
      directories.set(source, { ...listed, expiresAt: source.kind === "snapshot" ? Infinity : now() + ttl });
      return listed;
    });
  };

  /** discoveryRestUrl matters only for live Google; a malformed directory just means the fallback URL is used. */
  const restUrlFor = async (
    source: DiscoverySource,
    name: string,
    version: string,
  ): Promise<string | undefined> => {
    if (source.kind !== "google") return undefined;
    const entries = await directoryOf(source).catch((e: DiscoveryLoadError) => {
      // A network failure will hit the document too: fail now rather than wait for a second timeout.
      if (e.kind === "unreachable" || e.kind === "timeout") throw e;
      return null;
    });
    return entries ? findEntry(entries.entries, name, version)?.discoveryRestUrl : undefined;
  };

  const apiFrom = (source: DiscoverySource, name: string, version: string): Promise<CachedApi> => {
    const key = `${source.kind}|${source.label}|${name}|${version}`;
    const hit = apis.get(key);
    if (hit && now() < hit.expiresAt) return Promise.resolve(hit);
    const failed = failures.get(key);
    if (failed && now() < failed.until) return Promise.reject(failed.error);
    failures.delete(key);
    const work = shared(inflight as Map<string, Promise<CachedApi>>, `api|${key}`, async () => {
      let text: string;
      try {
        const discoveryRestUrl = await restUrlFor(source, name, version);
        text = await source.fetchDocumentText(
          discoveryRestUrl === undefined ? { name, version } : { name, version, discoveryRestUrl },
        );
      } catch (e) {
        throw asLoadError(e, source.label);
      }
      const fingerprint = digest(text);
      const expiresAt = source.kind === "snapshot" ? Infinity : now() + documentTtl;
      if (hit?.fingerprint === fingerprint) {
        // Unchanged: the same frozen model, so pages rendered from it stay valid (lib/page-cache).
        const kept = { api: hit.api, fingerprint, expiresAt };
        apis.set(key, kept);
        return kept;
      }
      const parsed = parseDiscoveryDocument(text, `${name} ${version} from ${source.label}`);
      if (!parsed.ok)
        throw new DiscoveryLoadError("malformed", source.label, parsed.error.message, {
          problems: parsed.error.problems,
        });
      // Pages link with the document's own name and version: shown under another one, every link would be dead.
      if (parsed.doc.name !== name || parsed.doc.version !== version)
        throw new DiscoveryLoadError(
          "malformed",
          source.label,
          `${name} ${version} from ${source.label} is a document of ${JSON.stringify(parsed.doc.name)} ${JSON.stringify(parsed.doc.version)}, not of the API requested.`,
          {
            problems: [
              { path: "$.name", message: `expected ${JSON.stringify(name)} ${JSON.stringify(version)}` },
            ],
          },
        );
      const cachedApi = { api: buildApiModel(parsed.doc), fingerprint, expiresAt };
      apis.set(key, cachedApi);
      return cachedApi;
    });
    return work.catch((error: unknown) => {
      if (failureTtl > 0) {
        if (failures.size >= 100) failures.clear(); // a flood of distinct bad names must not grow it
        failures.set(key, { error, until: now() + failureTtl });
      }
      throw error;
    });
  };

  const noSource = () =>
    new DiscoveryLoadError(
      "unreachable",
      "(none)",
      "No Discovery source is configured (no snapshot directory was found).",
    );

  return {
    async getDirectory() {
      let reason: string | undefined;
      if (opts.primary && primaryUsable()) {
        try {
          return { ...(await directoryOf(opts.primary)), source: info(opts.primary) };
        } catch (e) {
          reason = fallBackOn(asLoadError(e, opts.primary.label)) ?? undefined;
          if (reason === undefined) throw e;
        }
      } else if (opts.primary && primaryDown) reason = primaryDown.reason;
      if (!opts.fallback) throw noSource();
      return { ...(await directoryOf(opts.fallback)), source: info(opts.fallback, reason) };
    },

    async getApi(name, version) {
      // Before any source sees them: a name is put into a document URL (see ./names.ts).
      const problem = apiRefProblem(name, version);
      if (problem !== null) throw new DiscoveryLoadError("not-found", "(request)", `No such API: ${problem}`);
      let reason: string | undefined;
      if (opts.primary && primaryUsable()) {
        try {
          const { api, fingerprint } = await apiFrom(opts.primary, name, version);
          return { api, fingerprint, source: info(opts.primary) };
        } catch (e) {
          reason = fallBackOn(asLoadError(e, opts.primary.label)) ?? undefined;
          if (reason === undefined) throw e;
        }
      } else if (opts.primary && primaryDown) reason = primaryDown.reason;
      if (!opts.fallback) throw noSource();
      const { api, fingerprint } = await apiFrom(opts.fallback, name, version);
      return { api, fingerprint, source: info(opts.fallback, reason) };
    },
  };
}

/** Loader options from the environment (see the module comment). */
export function loaderOptionsFromEnv(env: Env = process.env, cwd: string = process.cwd()): LoaderOptions {
  const mode = (env.EXPLORER_DISCOVERY_SOURCE ?? "auto").trim() || "auto";
  const timeout = Number(env.EXPLORER_DISCOVERY_TIMEOUT_MS);
  const timeoutMs = (auto: boolean) =>
    Number.isFinite(timeout) && timeout > 0 ? timeout : auto ? 1500 : DEFAULT_TIMEOUT_MS;
  const maxBytes = positiveNumber(env.EXPLORER_MAX_DOCUMENT_BYTES) ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const dir = defaultSnapshotDir(cwd, env);
  const snapshot = dir ? createSnapshotSource(dir, { maxBytes }) : null;
  const documentTtlMs = positiveNumber(env.EXPLORER_DOCUMENT_TTL_MS);
  const live = documentTtlMs === undefined ? {} : { documentTtlMs };
  if (mode === "snapshot") return { primary: null, fallback: snapshot };
  if (mode === "google")
    return {
      primary: createGoogleSource({ timeoutMs: timeoutMs(false), maxBytes }),
      fallback: null,
      ...live,
    };
  if (mode === "auto")
    return {
      primary: createGoogleSource({ timeoutMs: timeoutMs(true), maxBytes }),
      fallback: snapshot,
      ...live,
    };
  if (/^https?:\/\//i.test(mode))
    return {
      primary: createBaseUrlSource(mode, { timeoutMs: timeoutMs(false), maxBytes }),
      fallback: null,
      ...live,
    };
  throw new Error(
    `EXPLORER_DISCOVERY_SOURCE must be auto, google, snapshot or an http(s) URL; got ${JSON.stringify(redactUrlSecrets(mode))}.`,
  );
}

function positiveNumber(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && text.trim() !== "" && Number.isFinite(n) && n > 0 ? n : undefined;
}

// Kept on globalThis so Next.js dev-mode module reloads do not drop the caches.
const KEY = Symbol.for("google-api-explorer.discovery-loader");
type Holder = { [KEY]?: DiscoveryLoader };

function defaultLoader(): DiscoveryLoader {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= createDiscoveryLoader(loaderOptionsFromEnv()));
}

/** The API directory from the configured source. */
export function getDirectory(): Promise<DirectoryResult> {
  return defaultLoader().getDirectory();
}

/** One API version as a deep-frozen ApiModel. Rejects with DiscoveryLoadError (`not-found`, `malformed`, …). */
export function getApi(name: string, version: string): Promise<ApiResult> {
  return defaultLoader().getApi(name, version);
}

/** Drops every cache and re-reads the environment on next use (tests). */
export function resetDiscoveryCache(): void {
  delete (globalThis as Holder)[KEY];
  clearSnapshotListings();
}
