/**
 * Workbench states too long for a link, kept in the tab (sessionStorage: this tab only, survives a reload, gone
 * when the tab closes). The URL then says `?tab=<id>` (url-state.ts) and the page reads the state back from here
 * after it hydrates. Each entry is the state's full URL query (encodeUrlState), so it is read back by
 * decodeUrlState with the same checks as a link (secret parameters stripped, a bare download name only).
 * At most TAB_STATE_LIMIT states are kept (one per editing session), oldest dropped first. Storage failures
 * (quota, disabled storage) never throw: the caller says the state will not survive a reload. Pure over a
 * Storage-like object.
 */
import type { StorageLike } from "./history";

export const TAB_STATE_PREFIX = "api-explorer.tab-state.v1.";
/** Which ids are stored, newest first (so old sessions' states can be dropped). */
export const TAB_STATE_INDEX_KEY = "api-explorer.tab-state.v1";
export const TAB_STATE_LIMIT = 8;

function readIndex(storage: StorageLike): string[] {
  try {
    const parsed = JSON.parse(storage.getItem(TAB_STATE_INDEX_KEY) ?? "[]") as unknown;
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Stores `query` under `id` (replacing that id's earlier state). False when the storage refused it. */
export function saveTabState(
  storage: StorageLike,
  id: string,
  query: string,
  limit: number = TAB_STATE_LIMIT,
): boolean {
  const index = [id, ...readIndex(storage).filter((x) => x !== id)];
  try {
    for (const old of index.slice(limit)) storage.removeItem(TAB_STATE_PREFIX + old);
    storage.setItem(TAB_STATE_PREFIX + id, query);
    storage.setItem(TAB_STATE_INDEX_KEY, JSON.stringify(index.slice(0, limit)));
    return true;
  } catch {
    return false;
  }
}

/** The query stored under `id`, or null (another tab's link, a closed tab, storage off). */
export function loadTabState(storage: StorageLike, id: string): string | null {
  try {
    return storage.getItem(TAB_STATE_PREFIX + id);
  } catch {
    return null;
  }
}

/** A new id for one editing session's state (random, URL-safe). */
export function newTabStateId(random: () => number = Math.random): string {
  return `${Date.now().toString(36)}-${Math.floor(random() * 2 ** 48).toString(36)}`;
}
