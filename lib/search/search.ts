/**
 * The search the palette runs: what the query means (./intent.ts) merged with the lexical index (./query.ts). Pure.
 *
 * A query that reads as a dotted id or a run of one (`youtube channels list`, `channels.list`, `drive.files.cr`)
 * keeps the lexical order first: it is an exact address. Otherwise the intent hits come first, and the lexical
 * ones fill up to `limit` (abbreviations like `yt chan list`, one- and two-letter prefixes the intent side does not
 * expand).
 */
import { intentSearch, prepareIntentIndex, type IntentIndex } from "./intent";
import {
  clearSearchCache as clearLexicalCache,
  prepareSearchIndex,
  searchIndex,
  type SearchHit,
  type SearchResults,
} from "./query";
import type { SearchIndex } from "./types";

/** Lexical scores from here up mean the query is (a run of) the hit's dotted id (query.ts ID_RUN). */
const ID_MATCH = 300;

export type PreparedSearch = IntentIndex;

export function prepareSearch(index: SearchIndex): PreparedSearch {
  return prepareIntentIndex(prepareSearchIndex(index));
}

const recent = new WeakMap<PreparedSearch, Map<string, SearchResults>>();
const RECENT = 32;

export function search(p: PreparedSearch, query: string, limit = 50): SearchResults {
  let cache = recent.get(p);
  if (cache === undefined) recent.set(p, (cache = new Map()));
  const key = `${limit} ${query}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = merged(p, query, limit);
  cache.set(key, result);
  if (cache.size > RECENT) cache.delete(cache.keys().next().value!);
  return result;
}

/** Forgets cached results (benchmarks): this module's and the lexical index's (its warmed ones too). */
export function clearSearchCaches(p: PreparedSearch): void {
  recent.get(p)?.clear();
  clearLexicalCache(p.lexical);
}

function merged(p: PreparedSearch, query: string, limit: number): SearchResults {
  const lexical = searchIndex(p.lexical, query, limit);
  const intent = intentSearch(p, query, limit);
  const idFirst = (lexical.hits[0]?.score ?? 0) >= ID_MATCH;
  const first = idFirst ? lexical.hits.filter((h) => h.score >= ID_MATCH) : intent.hits;
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  for (const list of [first, intent.hits, lexical.hits])
    for (const h of list) {
      if (hits.length === limit) break;
      if (seen.has(h.href)) continue;
      seen.add(h.href);
      hits.push(h);
    }
  return { hits, total: Math.max(hits.length, lexical.total, intent.total) };
}
