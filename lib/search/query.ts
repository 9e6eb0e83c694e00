/**
 * Querying the search index in the browser (or anywhere): pure, synchronous, allocation-light.
 *
 * `prepareSearchIndex` (./prepare.ts) precomputes lowercase haystacks once (id segments, camelCase word starts, paths, summaries,
 * API names and title words), a static tie-break rank and an inverted index (word → methods); `searchIndex` scores
 * every API, and only the methods the query's most selective token can match (each exactly as if all were scored),
 * keeping the best `limit` in a small sorted buffer (no full sort of thousands of hits). Recent results and the
 * one-character queries (`warmSearchCache`) are cached per prepared index.
 *
 * Matching: the query is split into tokens on spaces and `. / :` (so `yt chan list`, `channels.list` and
 * `youtube:v3` all work); EVERY token must match something. A token scores most as a whole id segment, then as a
 * prefix of one (the closer to whole, the better; the method name — the last segment — counts extra), then as a
 * camelCase word start, the API's name/title/version, an abbreviation (`yt` → youtube: the token's letters in order,
 * same first letter), the HTTP verb, the path, and least in the summary. The whole query read as a dotted id adds a
 * large bonus when it is the exact id (`youtube channels list`), a prefix of it, or a run of its segments
 * (`channels.list`). Ties go to APIs, then preferred versions, then stable versions, then shorter ids.
 *
 * This module keeps the caches; the search itself is split along its steps: ./token-score.ts (a token against a
 * word or an API), ./token-match.ts (what one token matches), ./collect.ts (its methods through the inverted
 * index), ./run-query.ts (one uncached query), ./top-k.ts (the best `limit`), ./hits.ts (the results).
 */
import type { SearchResults } from "./hits";
import { tokenize, type PreparedSearchIndex } from "./prepare";
import { runQuery, type RunState } from "./run-query";

export { camelWords, prepareSearchIndex, tokenize, type Postings, type PreparedSearchIndex } from "./prepare";
export { searchHit, type ApiHit, type MethodHit, type SearchHit, type SearchResults } from "./hits";
export { isAbbreviation } from "./token-score";
export { searchTuning } from "./run-query";

/** Per prepared index: recent results, the warmed one-character results and what a query reuses (RunState). */
interface SearchState extends RunState {
  /** Least recently used first (a Map keeps insertion order; a hit is moved to the end). */
  readonly recent: Map<string, SearchResults>;
  /** Results of WARM_QUERIES for `warmLimit`, never evicted. */
  readonly warm: Map<string, SearchResults>;
  warmLimit: number;
}

const states = new WeakMap<PreparedSearchIndex, SearchState>();
/** Recent queries remembered per index (typing, backspacing and retyping answer from here). */
const RECENT_QUERIES = 32;
/** Results longer than this are not cached (a huge `limit` would pin thousands of hits). */
const CACHEABLE_HITS = 200;
/** The queries `warmSearchCache` precomputes: every one-character query (the first keystroke of a search). */
export const WARM_QUERIES: readonly string[] = [..."abcdefghijklmnopqrstuvwxyz0123456789"];

function stateOf(p: PreparedSearchIndex): SearchState {
  let st = states.get(p);
  if (st === undefined) {
    st = { recent: new Map(), warm: new Map(), warmLimit: -1, tokens: new Map(), scratch: null };
    states.set(p, st);
  }
  return st;
}

const cacheKey = (tokens: readonly string[], limit: number) => `${limit} ${tokens.join(" ")}`;

/**
 * The best `limit` APIs and methods for `query` (empty query → nothing). Each hit carries its href and the API
 * it belongs to, so callers can label or group results.
 *
 * Results depend only on the query's tokens and `limit`, and the last RECENT_QUERIES of them (plus the warmed
 * one-character queries, see `warmSearchCache`) are cached per prepared index: a repeated query returns the same
 * (shared, read-only) object.
 */
export function searchIndex(p: PreparedSearchIndex, query: string, limit = 50): SearchResults {
  const tokens = tokenize(query);
  if (tokens.length === 0 || limit <= 0) return { hits: [], total: 0 };
  const st = stateOf(p);
  const key = cacheKey(tokens, limit);
  const warm = st.warm.get(key);
  if (warm !== undefined) return warm;
  const recent = st.recent.get(key);
  if (recent !== undefined) {
    st.recent.delete(key);
    st.recent.set(key, recent);
    return recent;
  }
  const results = runQuery(p, st, tokens, limit);
  if (results.hits.length <= CACHEABLE_HITS) {
    st.recent.set(key, results);
    if (st.recent.size > RECENT_QUERIES) st.recent.delete(st.recent.keys().next().value!);
  }
  return results;
}

/**
 * Precomputes the next not yet cached one-character query (WARM_QUERIES) for `limit`, so that the first keystroke
 * of any search answers from the cache. Runs at most one query per call (a few ms on the real index) and returns
 * whether any remain, so idle time can drive it a slice at a time:
 *
 *     const step = (d: IdleDeadline) => {
 *       while (d.timeRemaining() > 8) if (!warmSearchCache(index, LIMIT)) return;
 *       requestIdleCallback(step);
 *     };
 *     requestIdleCallback(step);
 *
 * Warmed results are kept for the life of the prepared index (36 results of `limit` hits; warming for another
 * `limit` replaces them).
 */
export function warmSearchCache(p: PreparedSearchIndex, limit = 50): boolean {
  if (limit <= 0 || limit > CACHEABLE_HITS) return false;
  const st = stateOf(p);
  if (st.warmLimit !== limit) {
    st.warm.clear();
    st.warmLimit = limit;
  }
  for (const q of WARM_QUERIES) {
    const key = cacheKey([q], limit);
    if (st.warm.has(key)) continue;
    const recent = st.recent.get(key);
    st.recent.delete(key);
    st.warm.set(key, recent ?? runQuery(p, st, [q], limit));
    if (recent === undefined) return st.warm.size < WARM_QUERIES.length;
  }
  return false;
}

/**
 * Forgets cached results of `p`: the recent ones, and unless `keepWarm` the warmed ones too, so that the next
 * queries compute afresh (benchmarks; memory pressure).
 */
export function clearSearchCache(p: PreparedSearchIndex, { keepWarm = false } = {}): void {
  const st = states.get(p);
  st?.recent.clear();
  st?.tokens.clear();
  if (!keepWarm) st?.warm.clear();
}
