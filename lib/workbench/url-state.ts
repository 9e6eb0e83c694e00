/**
 * The workbench state in the page URL, so reload and share restore it exactly:
 *
 *   /{api}/{version}/{methodId}?r=<share string>&lang=<typescript|python|curl|http>
 *                              [&bt=<body text>][&allPages=1][&tokenCache=1][&downloadTo=<file>]
 *
 * - `r` is `encodeShareState` (docs/request-format.md, "Share-state format") of the normalised request. The share
 *   encoder drops secret parameters, and `auth` only names a kind of credential, so no token or key can appear.
 * - `bt` is present only while the body text does not parse as JSON: the raw text, so an unfinished body
 *   survives a reload. A body that parses travels inside `r`.
 * - Snippet options appear only when set.
 * - The untouched form (the method's default request, TypeScript, no options) is the bare method path.
 * Pure.
 */
import type { MethodModel } from "../discovery/model-types";
import type { SnippetOptions, TargetId } from "../codegen/types";
import { isTargetId } from "../codegen/registry";
import { decodeShareState, encodeShareState } from "../request/share";
import type { ExplorerRequest } from "../request/types";
import { DEFAULT_LANGUAGE, parseBodyText, type WorkbenchState } from "./state";

/** `/youtube/v3/youtube.channels.list` */
export function methodPath(api: string, version: string, methodId: string): string {
  return `/${encodeURIComponent(api)}/${encodeURIComponent(version)}/${encodeURIComponent(methodId)}`;
}

/** The query string (no `?`) for a state. */
export function encodeUrlState(state: WorkbenchState): string {
  const q = new URLSearchParams();
  q.set("r", encodeShareState(state.request));
  q.set("lang", state.language);
  if (!parseBodyText(state.bodyText).ok) q.set("bt", state.bodyText);
  if (state.options.allPages) q.set("allPages", "1");
  if (state.options.tokenCache) q.set("tokenCache", "1");
  if (state.options.downloadTo) q.set("downloadTo", state.options.downloadTo);
  return q.toString();
}

/**
 * The full path + query for a state. When `pristine` (the untouched form: default request, default language, no
 * options) encodes the same, the bare method path: it decodes to exactly that state.
 */
export function stateHref(state: WorkbenchState, pristine?: WorkbenchState): string {
  const r = state.request;
  const path = methodPath(r.api, r.version, r.method);
  const query = encodeUrlState(state);
  return pristine !== undefined && encodeUrlState(pristine) === query ? path : `${path}?${query}`;
}

/** Next.js `searchParams` (or URLSearchParams) → one string per key (the first, for repeated keys). */
export type SearchLike = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function get(search: SearchLike, key: string): string | undefined {
  if (search instanceof URLSearchParams) return search.get(key) ?? undefined;
  const v = search[key];
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] as string | undefined) : undefined;
}

export interface DecodedUrlState {
  /** The request from `r`, when present, valid and for this method. */
  readonly request?: ExplorerRequest;
  /** Why `r` was ignored, as a sentence. */
  readonly error?: string;
  readonly language: TargetId;
  readonly bodyText?: string;
  readonly options: SnippetOptions;
}

export function decodeUrlState(
  search: SearchLike,
  target: { readonly api: string; readonly version: string; readonly method: Pick<MethodModel, "id"> },
): DecodedUrlState {
  const lang = get(search, "lang");
  const language = lang !== undefined && isTargetId(lang) ? lang : DEFAULT_LANGUAGE;
  const downloadTo = get(search, "downloadTo");
  const options: SnippetOptions = {
    ...(get(search, "allPages") === "1" ? { allPages: true } : {}),
    ...(get(search, "tokenCache") === "1" ? { tokenCache: true } : {}),
    ...(downloadTo ? { downloadTo } : {}),
  };
  const bodyText = get(search, "bt");
  const base = { language, options, ...(bodyText !== undefined ? { bodyText } : {}) };
  const r = get(search, "r");
  if (r === undefined || r === "") return base;
  const decoded = decodeShareState(r);
  if (!decoded.ok) return { ...base, error: decoded.error };
  const req = decoded.value;
  if (req.api !== target.api || req.version !== target.version || req.method !== target.method.id) {
    return {
      ...base,
      error: `The link holds a request for ${req.method} (${req.api} ${req.version}), not this method.`,
    };
  }
  return { ...base, request: req };
}
