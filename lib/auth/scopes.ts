/**
 * Which OAuth scope to request for a method. Pure.
 *
 * A Discovery method's `scopes` are alternatives: any one of them authorises the call. The documents list them
 * alphabetically, which usually puts the broadest first. The explorer asks for ONE scope, the narrowest that is
 * still sufficient for the general case, chosen by these rules (first match wins):
 *
 * 1. **Read-only.** If any scope is read-only (label ends in `.readonly`, `.read-only` or `.read_only`), pick a
 *    read-only scope. Prefer one whose read-write twin is also listed (`drive.readonly` because `drive` is
 *    listed) — that one covers the whole API read-only, whereas e.g. `drive.photos.readonly` only covers a slice;
 *    ties → the shortest URL.
 * 2. **Purpose-limited.** Else a scope whose label ends in `.file`, `.upload` or `.send` — access limited to one
 *    purpose that is exactly what such methods need (`drive.file`: only files the app creates or the user opens
 *    with it, Google's recommended non-sensitive scope; `youtube.upload`; `gmail.send`).
 * 3. **Refinement.** Else the longest scope that refines another listed scope (its label starts with the other's
 *    label plus `.`, e.g. `calendar.events` refines `calendar`, `youtube.upload` refines `youtube`), ignoring
 *    refinements that are not narrower-but-sufficient: `.force-ssl` (same access as its base), `.appdata` /
 *    `.appfolder` (only a hidden app folder), `.metadata` (no content) and `.scripts`.
 * 4. **First specific.** Else the first listed scope that is not an all-of-Cloud / all-of-Mail scope
 *    (`cloud-platform`, `https://mail.google.com/`), else the first listed scope.
 *
 * Workspace add-on scopes (label contains `.addons.`) only work inside an add-on, so they are ignored unless
 * nothing else is listed.
 *
 * Plain "longest URL" is not used on its own: it would pick `drive.appdata` for drive.files.create and
 * `youtubepartner` for youtube.channels.update.
 */
import type { MethodModel } from "../discovery/model-types";

/** The prefix of almost every Google OAuth scope. */
export const SCOPE_URL_PREFIX = "https://www.googleapis.com/auth/";

const READONLY = /[._-]read[-_]?only$/i;
const NOT_A_SUFFICIENT_REFINEMENT = /\.(force-ssl|appdata|appfolder|metadata|scripts)$/;
const PURPOSE_LIMITED = /\.(file|upload|send)$/;
const UMBRELLA = new Set(["cloud-platform", "mail.google.com"]);

/** Short display name: `https://www.googleapis.com/auth/youtube.readonly` → `youtube.readonly`. */
export function scopeLabel(url: string): string {
  if (url.startsWith(SCOPE_URL_PREFIX)) return url.slice(SCOPE_URL_PREFIX.length);
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}

/** True for read-only scopes (`.readonly`, `.read-only`, `.read_only`). */
export function isReadonlyScope(url: string): boolean {
  return READONLY.test(scopeLabel(url));
}

function shortest(urls: readonly string[]): string | undefined {
  return [...urls].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0];
}

function longest(urls: readonly string[]): string | undefined {
  return [...urls].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0];
}

/** Picks one scope from a list of alternatives by the rules in the module comment; undefined for an empty list. */
export function pickScope(all: readonly string[]): string | undefined {
  if (all.length === 0) return undefined;
  const usable = all.filter((s) => !scopeLabel(s).includes(".addons."));
  const scopes = usable.length > 0 ? usable : all;
  const labels = new Set(scopes.map(scopeLabel));

  const readonly = scopes.filter(isReadonlyScope);
  if (readonly.length > 0) {
    const twinned = readonly.filter((s) => labels.has(scopeLabel(s).replace(READONLY, "")));
    return shortest(twinned.length > 0 ? twinned : readonly);
  }

  const purpose = scopes.find((s) => PURPOSE_LIMITED.test(scopeLabel(s)));
  if (purpose) return purpose;

  const refinements = scopes.filter((s) => {
    const label = scopeLabel(s);
    if (NOT_A_SUFFICIENT_REFINEMENT.test(label)) return false;
    return [...labels].some((other) => other !== label && label.startsWith(other + "."));
  });
  if (refinements.length > 0) return longest(refinements);

  return scopes.find((s) => !UMBRELLA.has(scopeLabel(s))) ?? scopes[0];
}

/**
 * The scopes to request for `method`: one scope (see the module comment), or `[]` when the method declares none
 * (it then needs an API key or no auth at all).
 */
export function suggestScopes(method: Pick<MethodModel, "scopes">): string[] {
  const scope = pickScope(method.scopes);
  return scope === undefined ? [] : [scope];
}
