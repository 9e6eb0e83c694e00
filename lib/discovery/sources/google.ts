/**
 * The live Google Discovery service.
 * @see https://developers.google.com/discovery/v1/reference/apis/list
 */
import type { RawDirectoryList } from "../types";
import { DEFAULT_TIMEOUT_MS, fetchJson, fetchText, type HttpOptions } from "./http";
import type { DiscoverySource, DocumentRef } from "./types";

export const GOOGLE_DIRECTORY_URL = "https://discovery.googleapis.com/discovery/v1/apis";

/** The legacy location every API also answers at; used when the directory gives no discoveryRestUrl. */
export function googleFallbackDocumentUrl(name: string, version: string): string {
  return `https://www.googleapis.com/discovery/v1/apis/${encodeURIComponent(name)}/${encodeURIComponent(version)}/rest`;
}

export function createGoogleSource(opts: Partial<HttpOptions> = {}): DiscoverySource {
  const http: HttpOptions = {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
  };
  return {
    kind: "google",
    label: "discovery.googleapis.com",
    listDirectory: async () => (await fetchJson(GOOGLE_DIRECTORY_URL, http)) as RawDirectoryList,
    // discoveryRestUrl verbatim: the host is not always `{name}.googleapis.com` (translate → translation, …).
    fetchDocumentText: (entry: DocumentRef) =>
      fetchText(entry.discoveryRestUrl ?? googleFallbackDocumentUrl(entry.name, entry.version), http),
  };
}
