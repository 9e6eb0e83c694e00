/**
 * A Discovery service at any base URL (a fake Google in tests, a mirror, a proxy). Documents are always fetched at
 * `{base}/discovery/v1/apis/{name}/{version}/rest`: the directory's discoveryRestUrl points at the real Google
 * hosts, which is exactly what a base-URL source must not call.
 */
import type { RawDirectoryList } from "../types";
import { DEFAULT_TIMEOUT_MS, fetchJson, fetchText, type HttpOptions } from "./http";
import type { DiscoverySource, DocumentRef } from "./types";

export function createBaseUrlSource(baseUrl: string, opts: Partial<HttpOptions> = {}): DiscoverySource {
  const base = baseUrl.replace(/\/+$/, "");
  const http: HttpOptions = {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  };
  return {
    kind: "url",
    label: base,
    listDirectory: async () => (await fetchJson(`${base}/discovery/v1/apis`, http)) as RawDirectoryList,
    fetchDocumentText: (entry: DocumentRef) =>
      fetchText(
        `${base}/discovery/v1/apis/${encodeURIComponent(entry.name)}/${encodeURIComponent(entry.version)}/rest`,
        http,
      ),
  };
}
