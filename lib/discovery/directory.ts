/**
 * The API directory: RawDirectoryList → sorted, frozen DirectoryEntry[] and a search filter. Pure.
 */
import { deepFreeze } from "./freeze";
import type { RawDirectoryItem, RawDirectoryList } from "./types";

export interface DirectoryEntry {
  /** `youtube:v3` */
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly preferred: boolean;
  readonly documentationLink: string | null;
  readonly icon16?: string;
  readonly labels: readonly string[];
  /** Where the live document lives; use verbatim (the host is not always `{name}.googleapis.com`). */
  readonly discoveryRestUrl?: string;
}

/**
 * Natural order for versions, so `v2` sorts before `v10` and `v1` before `v1beta1`:
 * digit runs compare numerically, everything else by code unit.
 */
export function compareVersions(a: string, b: string): number {
  const split = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function toDirectoryEntry(item: RawDirectoryItem): DirectoryEntry {
  const entry: { -readonly [K in keyof DirectoryEntry]: DirectoryEntry[K] } = {
    id: item.id ?? `${item.name}:${item.version}`,
    name: item.name,
    version: item.version,
    title: item.title ?? item.name,
    description: item.description ?? "",
    preferred: item.preferred === true,
    documentationLink: item.documentationLink ?? null,
    labels: [...(item.labels ?? [])],
  };
  if (item.icons?.x16 !== undefined) entry.icon16 = item.icons.x16;
  if (item.discoveryRestUrl !== undefined) entry.discoveryRestUrl = item.discoveryRestUrl;
  return entry;
}

/** Entries sorted by name, then preferred first, then version (natural order). Duplicate ids keep the first. */
export function buildDirectory(raw: RawDirectoryList): readonly DirectoryEntry[] {
  const seen = new Set<string>();
  const entries: DirectoryEntry[] = [];
  for (const item of raw.items ?? []) {
    const entry = toDirectoryEntry(item);
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    entries.push(entry);
  }
  entries.sort(
    (a, b) =>
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      Number(b.preferred) - Number(a.preferred) ||
      compareVersions(a.version, b.version),
  );
  return deepFreeze(entries);
}

/**
 * Case-insensitive search over id, name, title and description. Every whitespace-separated term must match
 * somewhere (so "youtube analytics" finds youtubeAnalytics); an empty query returns all entries.
 */
export function filterDirectory(
  entries: readonly DirectoryEntry[],
  query: string,
): readonly DirectoryEntry[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return entries;
  return entries.filter((e) => {
    const haystack = `${e.id}\n${e.name}\n${e.title}\n${e.description}`.toLowerCase();
    return terms.every((t) => haystack.includes(t));
  });
}

export function findEntry(
  entries: readonly DirectoryEntry[],
  name: string,
  version: string,
): DirectoryEntry | undefined {
  return entries.find((e) => e.name === name && e.version === version);
}
