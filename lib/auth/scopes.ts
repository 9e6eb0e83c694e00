/**
 * Which OAuth scope to request for a method, and why. Pure.
 *
 * A Discovery method's `scopes` are alternatives: any one of them authorises the call *for some resources*. The
 * explorer asks for ONE scope: the least-privileged one that suffices for the general case. First the scopes that
 * do NOT suffice in general are set aside:
 *
 * - **App-files-only** scopes (`drive.file`, `drive.appdata`, `drive.appfolder`, `calendar.app.created`) cover only
 *   what the app itself created (or the user opened with it). They suffice only for a method that creates a new
 *   top-level resource (`create`/`insert` with no path parameter: drive `files.create`, sheets
 *   `spreadsheets.create`); updating an existing sheet by its ID with `drive.file` fails.
 * - **Read-only** scopes (`.readonly`, `.read-only`, `.read_only`) only for a method that reads (`GET`, or a
 *   read-named POST such as `batchGet`, `search`, `query`): slides `presentations.batchUpdate` lists
 *   `drive.readonly` only for linked charts.
 * - `.metadata` (no content), `.scripts` (Apps Script files only) and Workspace add-on scopes (`.addons.`, only
 *   inside an add-on).
 *
 * Of the rest (all of them when nothing is left), the first rule that matches wins:
 *
 * 1. **Read-only** (read methods): prefer one whose read-write twin is listed (`drive.readonly` because `drive` is
 *    listed: the whole API read-only rather than a slice like `drive.photos.readonly`); ties → the shortest.
 * 2. **Purpose-limited**: `.upload`, `.send`, or an app-files-only scope that suffices (`youtube.upload`,
 *    `gmail.send`, `drive.file` for creating a file — Google's recommended non-sensitive scope).
 * 3. **Refinement**: the longest scope that refines another listed one (`calendar.events.owned` refines
 *    `calendar`), except `.force-ssl` (same access as its base).
 * 4. **Specific**: the first listed scope.
 *
 * Within every rule, *broad* scopes lose to the others: all of Cloud (`cloud-platform*`), all of Mail
 * (`https://mail.google.com/`), all of Drive (`drive`, `drive.readonly`) for a method of another API family
 * (sheets, docs, slides), and `X.full_control` when `X.read_write` is listed (storage `objects.insert`).
 */
import type { MethodModel } from "../discovery/model-types";

/** The prefix of almost every Google OAuth scope. */
export const SCOPE_URL_PREFIX = "https://www.googleapis.com/auth/";

const READONLY = /[._-]read[-_]?only$/i;
/** Cover only what the app itself created or the user opened with it. */
const APP_FILES_ONLY = /\.(file|appdata|appfolder|app\.created)$/;
/** Never sufficient in general: no content, Apps Script files only. */
const PARTIAL = /\.(metadata|scripts)([._-]read[-_]?only)?$/;
const PURPOSE_LIMITED = /\.(upload|send)$/;
/** Same access as its base, so not a narrower refinement. */
const SAME_AS_BASE = /\.force-ssl$/;
/** Method names that read, for POST methods (`reports.batchGet`, `jobs.query`, `searchAll`). */
const READ_VERB = /^(get|list|batchGet|search|query|lookup|export|read|fetch|check|verify|preview|retrieve)/i;
const CREATE_VERB = /^(create|insert)$/i;

/** What of a method decides the scope; all optional so a bare list of scopes still gets an answer. */
export type ScopeMethod = Pick<MethodModel, "scopes"> &
  Partial<Pick<MethodModel, "httpMethod" | "name" | "parameters">>;

export interface ScopeChoice {
  readonly scope: string;
  /** One sentence a user can check: why this scope and not a broader one. */
  readonly reason: string;
}

/** Short display name: `https://www.googleapis.com/auth/youtube.readonly` → `youtube.readonly`. */
export function scopeLabel(url: string): string {
  if (url.startsWith(SCOPE_URL_PREFIX)) return url.slice(SCOPE_URL_PREFIX.length);
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}

/** True for read-only scopes (`.readonly`, `.read-only`, `.read_only`). */
export function isReadonlyScope(url: string): boolean {
  return READONLY.test(scopeLabel(url));
}

/** True for scopes that only cover what the app created or opened (`drive.file`, `drive.appdata`). */
export function isAppFilesOnlyScope(url: string): boolean {
  return APP_FILES_ONLY.test(scopeLabel(url));
}

/** `spreadsheets.readonly` → `spreadsheets`; `mail.google.com` → `mail`. */
function family(label: string): string {
  return label.split(/[./]/)[0] ?? label;
}

function isBroad(label: string, labels: ReadonlySet<string>): boolean {
  if (label === "mail.google.com" || label.startsWith("cloud-platform")) return true;
  if ((label === "drive" || label === "drive.readonly") && [...labels].some((l) => family(l) !== "drive"))
    return true;
  const fullControl = /^(.*)\.full_control$/.exec(label);
  return fullControl !== null && labels.has(`${fullControl[1]}.read_write`);
}

/** `drive.readonly` with `drive` listed, `devstorage.read_only` with `devstorage.read_write`: the whole API. */
function hasWritableTwin(label: string, labels: ReadonlySet<string>): boolean {
  const base = label.replace(READONLY, "");
  return labels.has(base) || labels.has(`${base}.read_write`) || labels.has(`${base}.full_control`);
}

function byLength(direction: 1 | -1) {
  return (a: string, b: string) => direction * (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Reads: GET, or a POST whose name says it reads. Unknown (a bare scope list) counts as a read. */
function isReadMethod(method: ScopeMethod): boolean {
  if (method.httpMethod === undefined) return true;
  if (method.httpMethod === "GET") return true;
  return method.name !== undefined && READ_VERB.test(method.name);
}

/** Creates a new top-level resource: `create`/`insert` with no path parameter (drive `files.create`). */
function createsNewResource(method: ScopeMethod): boolean {
  if (method.name === undefined || !CREATE_VERB.test(method.name)) return false;
  return !(method.parameters ?? []).some((p) => p.location === "path");
}

/** Picks one scope and says why (rules in the module comment); undefined for an empty list. */
export function chooseScope(method: ScopeMethod): ScopeChoice | undefined {
  const all = method.scopes;
  if (all.length === 0) return undefined;
  const read = isReadMethod(method);
  const creates = createsNewResource(method);
  const sufficient = all.filter((s) => {
    const label = scopeLabel(s);
    if (label.includes(".addons.") || PARTIAL.test(label)) return false;
    if (APP_FILES_ONLY.test(label) && !creates) return false;
    return read || !READONLY.test(label);
  });
  const scopes = sufficient.length > 0 ? sufficient : [...all];
  const labels = new Set(all.map(scopeLabel));
  /** Non-broad candidates when there are any: the least privilege within a rule. */
  const narrowest = (c: readonly string[]): string[] => {
    const narrow = c.filter((s) => !isBroad(scopeLabel(s), labels));
    return narrow.length > 0 ? narrow : [...c];
  };
  const setAside = all.length - scopes.length;
  const because = (why: string) =>
    setAside > 0 && sufficient.length > 0 ? `${why} ${setAsideNote(all, scopes, read, creates)}`.trim() : why;

  const readonly = scopes.filter(isReadonlyScope);
  if (read && readonly.length > 0) {
    const candidates = narrowest(readonly);
    const twinned = candidates.filter((s) => hasWritableTwin(scopeLabel(s), labels));
    const scope = (twinned.length > 0 ? twinned : candidates).sort(byLength(1))[0]!;
    return { scope, reason: because("The method only reads, and a read-only scope is listed.") };
  }

  const purpose = scopes.filter((s) => PURPOSE_LIMITED.test(scopeLabel(s)) || isAppFilesOnlyScope(s));
  if (purpose.length > 0) {
    const scope = purpose.find((s) => scopeLabel(s).endsWith(".file")) ?? purpose[0]!;
    const why = isAppFilesOnlyScope(scope)
      ? "The method creates a new resource, which an app-files-only scope covers."
      : "A scope limited to exactly this purpose is listed.";
    return { scope, reason: because(why) };
  }

  const refinements = scopes.filter((s) => {
    const label = scopeLabel(s);
    if (SAME_AS_BASE.test(label)) return false;
    return [...labels].some((other) => other !== label && label.startsWith(other + "."));
  });
  if (refinements.length > 0) {
    const scope = narrowest(refinements).sort(byLength(-1))[0]!;
    return { scope, reason: because("It is the narrowest refinement of a broader listed scope.") };
  }

  const scope = narrowest(scopes)[0]!;
  const broadOnes = scopes.filter((s) => s !== scope && isBroad(scopeLabel(s), labels));
  const why =
    broadOnes.length > 0
      ? `It is narrower than ${broadOnes.map(scopeLabel).join(", ")}.`
      : scopes.length === 1
        ? "It is the only scope that suffices."
        : "It is the first listed scope that suffices.";
  return { scope, reason: because(why) };
}

const listed = (scopes: readonly string[]) => scopes.map(scopeLabel).join(", ");

function setAsideNote(
  all: readonly string[],
  kept: readonly string[],
  read: boolean,
  creates: boolean,
): string {
  const dropped = all.filter((s) => !kept.includes(s));
  const appOnly = dropped.filter(isAppFilesOnlyScope);
  const parts: string[] = [];
  if (appOnly.length > 0 && !creates)
    parts.push(
      `${listed(appOnly)} only ${appOnly.length === 1 ? "covers" : "cover"} what the app itself created or opened`,
    );
  const ro = dropped.filter(isReadonlyScope);
  if (ro.length > 0 && !read) parts.push(`${listed(ro)} cannot change anything`);
  return parts.length > 0 ? `(${parts.join("; ")}.)` : "";
}

/** Picks one scope from a list of alternatives (no method context: treated as a read); undefined for `[]`. */
export function pickScope(all: readonly string[]): string | undefined {
  return chooseScope({ scopes: all })?.scope;
}

/**
 * The scopes to request for `method`: one scope (see the module comment), or `[]` when the method declares none
 * (it then needs an API key or no auth at all). Pass the whole method: its verb, name and path parameters decide
 * whether read-only and app-files-only scopes suffice.
 */
export function suggestScopes(method: ScopeMethod): string[] {
  const choice = chooseScope(method);
  return choice === undefined ? [] : [choice.scope];
}
