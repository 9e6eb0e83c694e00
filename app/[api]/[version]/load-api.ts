/**
 * Route helper (not a route): load one API version for a page, mapping DiscoveryLoadError kinds to page outcomes.
 * not-found → notFound() (HTTP 404); malformed / unreachable / timeout → a LoadErrorInfo the page renders, so the
 * problem list reaches the user (messages of thrown errors are redacted in production).
 */
import { notFound } from "next/navigation";
import { cache } from "react";

import type { LoadErrorInfo } from "@/components/errors/load-error-view";
import { getApi } from "@/lib/discovery/load";
import type { ApiModel } from "@/lib/discovery/model-types";
import type { SourceInfo } from "@/lib/discovery/load";

export type ApiLoad =
  | { readonly ok: true; readonly api: ApiModel; readonly source: SourceInfo }
  | { readonly ok: false; readonly error: LoadErrorInfo };

/** Route params arrive percent-decoded in most cases; decode defensively once more when they do not. */
export function decodeParam(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const KINDS = new Set(["unreachable", "not-found", "malformed", "timeout"]);

function toErrorInfo(err: unknown, subject: string): LoadErrorInfo {
  const e = (typeof err === "object" && err !== null ? err : {}) as {
    kind?: unknown;
    message?: unknown;
    problems?: unknown;
  };
  const kind =
    typeof e.kind === "string" && KINDS.has(e.kind) ? (e.kind as LoadErrorInfo["kind"]) : "unknown";
  const problems = Array.isArray(e.problems)
    ? e.problems.flatMap((p: unknown) => {
        if (typeof p === "string") return [{ path: "(document)", message: p }];
        if (typeof p === "object" && p !== null) {
          const q = p as { path?: unknown; message?: unknown };
          return [{ path: String(q.path ?? "(document)"), message: String(q.message ?? "") }];
        }
        return [];
      })
    : [];
  return { kind, message: typeof e.message === "string" ? e.message : String(err), problems, subject };
}

/** Cached per request, so generateMetadata and the page share one load. */
export const loadApi = cache(async (rawName: string, rawVersion: string): Promise<ApiLoad> => {
  const name = decodeParam(rawName);
  const version = decodeParam(rawVersion);
  try {
    const { api, source } = await getApi(name, version);
    return { ok: true, api, source };
  } catch (err) {
    const info = toErrorInfo(err, `${name} ${version}`);
    if (info.kind === "not-found") notFound();
    if (info.kind === "unknown") console.error(`Loading ${name} ${version} failed:`, err);
    return { ok: false, error: info };
  }
});

/** `YouTube Data API v3` (the title already names the version) or `Drive API v3`. */
export function apiLabel(api: Pick<ApiModel, "title" | "name" | "version">): string {
  const title = api.title || api.name;
  return title.split(/\s+/).includes(api.version) ? title : `${title} ${api.version}`;
}
