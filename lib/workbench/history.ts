/**
 * Recent requests in the browser (localStorage), as pure functions over a Storage-like object.
 *
 * Each entry stores the request as a share string (so secret parameters are stripped by the same code that
 * strips them from links) with values that are not set dropped, the snippet language and a time. Entries are
 * newest first, deduplicated by request, capped at HISTORY_LIMIT. An entry has an `id`: the workbench passes one
 * id per editing session, so a session updates its own entry instead of adding one per keystroke; a request that
 * is already listed under another id just moves that entry to the top.
 * Storage failures (quota, disabled storage, corrupt data) never throw: history is a convenience.
 */
import type { TargetId } from "../codegen/types";
import { setOwn } from "../object/own";
import { isTargetId } from "../codegen/registry";
import { stripSecretParams } from "../request/canonical";
import { decodeShareState, encodeShareState } from "../request/share";
import type { ExplorerRequest, ParamValue } from "../request/types";
import { isMissingValue } from "../request/uri-template";

export const HISTORY_KEY = "api-explorer.history.v1";
export const HISTORY_LIMIT = 50;

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface HistoryEntry {
  readonly id: string;
  /** encodeShareState of the cleaned request. */
  readonly share: string;
  readonly language: TargetId;
  /** Epoch milliseconds. */
  readonly savedAt: number;
}

export interface HistoryItem {
  readonly entry: HistoryEntry;
  readonly request: ExplorerRequest;
}

/**
 * The request as history keeps it: no secret parameters, no values that are not set, empty list items dropped.
 * Parameter order is kept (the workbench's requests are already in normal form).
 */
export function cleanForHistory(req: ExplorerRequest): ExplorerRequest {
  const params: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(stripSecretParams(req).params)) {
    if (isMissingValue(value)) continue;
    setOwn(params, name, Array.isArray(value) ? value.filter((v) => v !== "") : value);
  }
  return { ...req, params };
}

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.id === "string" &&
    typeof e.share === "string" &&
    typeof e.language === "string" &&
    isTargetId(e.language) &&
    typeof e.savedAt === "number" &&
    Number.isFinite(e.savedAt)
  );
}

/** The stored entries (invalid ones skipped), newest first. */
export function readHistory(storage: StorageLike): HistoryEntry[] {
  let raw: string | null;
  try {
    raw = storage.getItem(HISTORY_KEY);
  } catch {
    return [];
  }
  return parseHistory(raw);
}

/** Entries from the stored text (as `getItem` returns it); corrupt text gives none. */
export function parseHistory(raw: string | null): HistoryEntry[] {
  if (raw === null || raw === "") return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Entries whose share string still decodes, with the decoded request. */
export function toHistoryItems(entries: readonly HistoryEntry[]): HistoryItem[] {
  const out: HistoryItem[] = [];
  for (const entry of entries) {
    const decoded = decodeShareState(entry.share);
    if (decoded.ok) out.push({ entry, request: decoded.value });
  }
  return out;
}

export function historyItems(storage: StorageLike): HistoryItem[] {
  return toHistoryItems(readHistory(storage));
}

function write(storage: StorageLike, entries: readonly HistoryEntry[]): void {
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(entries));
  } catch {
    // Quota exceeded or storage disabled: keep working without history.
  }
}

export interface RecordInput {
  readonly id: string;
  readonly request: ExplorerRequest;
  readonly language: TargetId;
}

/**
 * Records the state of editing session `id` at the top: updates the session's own entry (or adds one). When
 * another entry already holds the same request (a restored entry, a link opened again), that entry moves to the
 * top instead, so restoring an entry and then editing never overwrites it. Keeps at most `limit`. Returns the new
 * list.
 */
export function recordHistory(
  storage: StorageLike,
  input: RecordInput,
  now: number,
  limit: number = HISTORY_LIMIT,
): HistoryEntry[] {
  const share = encodeShareState(cleanForHistory(input.request));
  const existing = readHistory(storage);
  const same = existing.find((e) => e.share === share && e.id !== input.id);
  const top: HistoryEntry = same
    ? { ...same, language: input.language, savedAt: now }
    : { id: input.id, share, language: input.language, savedAt: now };
  const rest = existing.filter((e) => e.id !== top.id && (same !== undefined || e.share !== share));
  const next = [top, ...rest].slice(0, Math.max(0, limit));
  write(storage, next);
  return next;
}

export function removeHistoryEntry(storage: StorageLike, id: string): HistoryEntry[] {
  const next = readHistory(storage).filter((e) => e.id !== id);
  write(storage, next);
  return next;
}

export function clearHistory(storage: StorageLike): void {
  try {
    storage.removeItem(HISTORY_KEY);
  } catch {
    // ignore
  }
}

/** A one-line summary of a request's parameters: `part=snippet,statistics · mine=true`. */
export function summarizeParams(req: ExplorerRequest, max = 120): string {
  const text = Object.entries(req.params)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
    .join(" · ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
