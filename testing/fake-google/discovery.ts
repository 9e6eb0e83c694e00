// The Discovery service, served anonymously from a folder of `{name}.{version}.json` documents (default: the
// venv's googleapiclient snapshot): www.googleapis.com/discovery/v1/apis/…, {api}.googleapis.com/$discovery/rest.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./ca";
import { googleError } from "./responses";
import type { ApiResponse, RecordedRequest } from "./types";

function defaultDiscoveryDir(): string | undefined {
  const lib = path.join(PROJECT_ROOT, ".venv", "lib");
  try {
    for (const py of readdirSync(lib)) {
      if (!py.startsWith("python3")) continue;
      const dir = path.join(lib, py, "site-packages", "googleapiclient", "discovery_cache", "documents");
      try {
        readdirSync(dir);
        return dir;
      } catch {
        /* next */
      }
    }
  } catch {
    /* no venv */
  }
  return undefined;
}

/** file name, "index", null (a discovery URL for a document we do not have) or undefined (not a discovery URL). */
export type DiscoveryTarget = string | "index" | null;

export interface DiscoveryService {
  target(rec: RecordedRequest): DiscoveryTarget | undefined;
  serve(rec: RecordedRequest, target: DiscoveryTarget): ApiResponse;
}

export function discoveryService(dir: string | undefined = defaultDiscoveryDir()): DiscoveryService {
  // lower-cased "name.version" → file, so `youtubeAnalytics.googleapis.com` (hostnames are case-insensitive) works
  const files = new Map<string, string>();
  if (dir) {
    for (const f of readdirSync(dir)) {
      if (f.endsWith(".json") && f !== "index.json") files.set(f.slice(0, -5).toLowerCase(), f);
    }
  }
  const isDiscoveryHost = (host: string) =>
    host === "www.googleapis.com" || host === "discovery.googleapis.com";
  return {
    target(rec) {
      if (rec.method !== "GET") return undefined;
      const p = rec.path.replace(/%24/gi, "$");
      if (isDiscoveryHost(rec.host) && p === "/discovery/v1/apis") return "index";
      const v1 = /^\/discovery\/v1\/apis\/([^/]+)\/([^/]+)\/rest$/.exec(p);
      if (v1?.[1] && v1[2] && isDiscoveryHost(rec.host)) {
        return files.get(`${decodeURIComponent(v1[1])}.${decodeURIComponent(v1[2])}`.toLowerCase()) ?? null;
      }
      if (p === "/$discovery/rest" && rec.host.endsWith(".googleapis.com")) {
        const api = rec.host.slice(0, -".googleapis.com".length);
        const version = rec.query.find(([k]) => k === "version")?.[1];
        if (!version) return null;
        return files.get(`${api}.${version}`.toLowerCase()) ?? null;
      }
      return undefined;
    },
    serve(rec, target) {
      if (target === null || !dir) {
        return googleError(
          404,
          "NOT_FOUND",
          "notFound",
          `Requested entity was not found. (${rec.host}${rec.path})`,
        );
      }
      try {
        return {
          headers: { "content-type": "application/json; charset=UTF-8" },
          body: readFileSync(path.join(dir, target === "index" ? "index.json" : target)),
        };
      } catch {
        return googleError(404, "NOT_FOUND", "notFound", "Requested entity was not found.");
      }
    },
  };
}
