/**
 * A Discovery service at any base URL (a fake Google in tests, a mirror, a proxy). Documents are always fetched at
 * `{base}/discovery/v1/apis/{name}/{version}/rest`: the directory's discoveryRestUrl points at the real Google
 * hosts, which is exactly what a base-URL source must not call.
 */
import type { RawDirectoryList } from "../types";
import { DEFAULT_TIMEOUT_MS, fetchJson, fetchText, type HttpOptions } from "./http";
import { splitCredentials } from "./redact";
import type { DiscoverySource, DocumentRef } from "./types";

export function createBaseUrlSource(baseUrl: string, opts: Partial<HttpOptions> = {}): DiscoverySource {
  // `http://user:pass@host` → the label and URLs name the host only; the credentials travel as a header.
  const { url, authorization } = splitCredentials(baseUrl.trim());
  const base = url.replace(/\/+$/, "");
  const http: HttpOptions = {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    ...(authorization !== undefined ? { authorization } : {}),
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
