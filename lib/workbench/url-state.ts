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
 * - Snippet options appear only when set. `downloadTo`, and the request's upload file, are read back only as bare
 *   file names (bare-file-name.ts): a link is written by someone else, and the snippet writes to (reads from) them.
 * - The untouched form (the method's default request, TypeScript, no options) is the bare method path.
 *
 * Length: a URL is never longer than MAX_URL_LENGTH (stateLink). When `r=1.` makes it longer, `r=2.` (deflated)
 * is tried; when that is still too long, the state does not fit in a link at all, and the page keeps it in the
 * tab instead (tab-state.ts; the URL is then `?tab=<id>`, which decodeUrlState reports as `tabState`).
 * Pure.
 */
import type { MethodModel } from "../discovery/model-types";
import { methodPath } from "../routes";
import type { SnippetOptions, TargetId } from "../codegen/types";
import { isTargetId } from "../codegen/registry";
import { decodeShareState, encodeShareState, encodeShareStateCompressed } from "../request/share";
import type { ExplorerRequest } from "../request/types";
import { bareFileName } from "./bare-file-name";
import { DEFAULT_LANGUAGE, parseBodyText, type WorkbenchState } from "./state";

/**
 * Longest URL path + query the explorer writes (characters; every one is ASCII, so also bytes). Node's HTTP
 * server (and so `next start`) answers a bare 431 once the request line and headers together pass 16 KiB
 * (http.maxHeaderSize = 16384): measured on the production build, the longest path + query it accepts is 16345
 * characters with no other header and 15839 with Chromium's ordinary navigation headers. One request can carry
 * the page URL twice (the request line, and `Referer`: same-origin requests send the full URL, e.g. a history
 * link from one long-URL page to another), plus cookies, which loopback hosts share across ports. 4000 leaves
 * room for all of that and for a third copy (Next's router-state header does not hold the search params today).
 */
export const MAX_URL_LENGTH = 4000;

/** The query parameter naming a state kept in this tab's sessionStorage (tab-state.ts). */
export const TAB_STATE_PARAM = "tab";
const TAB_STATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The query string (no `?`) for a state; `compressed` writes `r` in share-state version 2 (deflated). */
export function encodeUrlState(state: WorkbenchState, compressed = false): string {
  const q = new URLSearchParams();
  q.set("r", compressed ? encodeShareStateCompressed(state.request) : encodeShareState(state.request));
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

export type StateLink =
  /** `href` (path + query) is at most `maxLength` long. */
  | { readonly fits: true; readonly href: string }
  /** No link fits: `path` is the method path, `query` the full state (for tab storage). */
  | { readonly fits: false; readonly path: string; readonly query: string };

/**
 * The link for a state, never longer than `maxLength`: the bare path for the untouched form (as stateHref),
 * else `r=1.` when it fits, else `r=2.` (deflated) when that fits, else `fits: false`.
 */
export function stateLink(
  state: WorkbenchState,
  pristine?: WorkbenchState,
  maxLength: number = MAX_URL_LENGTH,
): StateLink {
  const href = stateHref(state, pristine);
  if (href.length <= maxLength) return { fits: true, href };
  const r = state.request;
  const path = methodPath(r.api, r.version, r.method);
  const compressed = `${path}?${encodeUrlState(state, true)}`;
  if (compressed.length <= maxLength) return { fits: true, href: compressed };
  return { fits: false, path, query: encodeUrlState(state) };
}

/** The URL of a state kept in the tab under `id`. */
export function tabStateHref(path: string, id: string): string {
  return `${path}?${TAB_STATE_PARAM}=${encodeURIComponent(id)}`;
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
  /** The link named a download path, which was left out (only a bare file name is taken from a link). */
  readonly downloadToDropped?: true;
  /** The link named an upload file that is not a bare file name; the request's media was left out. */
  readonly mediaDropped?: true;
  /** `?tab=<id>`: the state is kept in the tab's sessionStorage under this id (too long for a link). */
  readonly tabState?: string;
}

/** What the page says when a link's upload file was left out. */
export const MEDIA_DROPPED_NOTICE =
  "The link named a file in another folder (or a hidden file) to upload; only a bare file name is taken from a link, so the upload file was left out.";

/** What the page says when a link's download path was left out. */
export const DOWNLOAD_TO_DROPPED_NOTICE =
  "The link named a folder for the downloaded file; only a bare file name is taken from a link, so the download option was left off.";

export function decodeUrlState(
  search: SearchLike,
  target: { readonly api: string; readonly version: string; readonly method: Pick<MethodModel, "id"> },
): DecodedUrlState {
  const lang = get(search, "lang");
  const language = lang !== undefined && isTargetId(lang) ? lang : DEFAULT_LANGUAGE;
  const linkDownloadTo = get(search, "downloadTo");
  const downloadTo = linkDownloadTo ? bareFileName(linkDownloadTo) : null;
  const options: SnippetOptions = {
    ...(get(search, "allPages") === "1" ? { allPages: true } : {}),
    ...(get(search, "tokenCache") === "1" ? { tokenCache: true } : {}),
    ...(downloadTo !== null ? { downloadTo } : {}),
  };
  const bodyText = get(search, "bt");
  const tab = get(search, TAB_STATE_PARAM);
  const base = {
    language,
    options,
    ...(bodyText !== undefined ? { bodyText } : {}),
    ...(linkDownloadTo && downloadTo === null ? { downloadToDropped: true as const } : {}),
    ...(tab !== undefined && TAB_STATE_ID.test(tab) ? { tabState: tab } : {}),
  };
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
  if (req.media !== undefined && bareFileName(req.media.fileName) === null) {
    // The snippet would read this file and send it: a link must not choose which of the visitor's files.
    const { media: _dropped, ...withoutMedia } = req;
    void _dropped;
    return { ...base, request: withoutMedia, mediaDropped: true };
  }
  return { ...base, request: req };
}
