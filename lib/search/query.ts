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
 */
import { methodPath } from "../routes";
import { VERBS, type SearchIndexApi } from "./types";
import {
  DEPRECATED,
  IRREGULAR_ID,
  postings,
  tokenize,
  type Postings,
  type PreparedSearchIndex,
} from "./prepare";

export { camelWords, prepareSearchIndex, tokenize, type Postings, type PreparedSearchIndex } from "./prepare";

export interface ApiHit {
  readonly kind: "api";
  readonly score: number;
  readonly href: string;
  readonly api: SearchIndexApi;
}

export interface MethodHit {
  readonly kind: "method";
  readonly score: number;
  readonly href: string;
  readonly api: SearchIndexApi;
  readonly id: string;
  readonly verb: string;
  readonly path: string;
  readonly summary: string;
  readonly deprecated: boolean;
}

export type SearchHit = ApiHit | MethodHit;

export interface SearchResults {
  readonly hits: readonly SearchHit[];
  /** Every API and method that matched (hits holds only the best `limit`). */
  readonly total: number;
}

/** `yt` in `youtube`: the token's characters in order, starting with the same one. */
export function isAbbreviation(token: string, word: string): boolean {
  if (token.length < 2 || token.length >= word.length || token.charCodeAt(0) !== word.charCodeAt(0))
    return false;
  let j = 1;
  for (let i = 1; i < word.length && j < token.length; i++)
    if (word.charCodeAt(i) === token.charCodeAt(j)) j++;
  return j === token.length;
}

/** Score of a token against one word: whole 30, prefix 18–28 by coverage, else 0. */
function wordScore(token: string, word: string): number {
  if (word === token) return 30;
  if (word.startsWith(token)) return 18 + (10 * token.length) / word.length;
  return 0;
}

/** How a token matches an API (for API hits, and as a fallback for its methods). */
function apiTokenScore(p: PreparedSearchIndex, a: number, t: string): number {
  let best = wordScore(t, p.apiName[a]!);
  if (best >= 30) return best;
  for (const w of p.apiSubwords[a]!) best = Math.max(best, wordScore(t, w) * 0.7);
  const v = p.apiVersion[a]!;
  if (v === t) best = Math.max(best, 20);
  else if (t.length >= 2 && v.startsWith(t)) best = Math.max(best, 10);
  for (const w of p.apiTitleWords[a]!) {
    const s = wordScore(t, w) * 0.5;
    if (s > best) best = s;
  }
  if (best === 0 && isAbbreviation(t, p.apiName[a]!)) best = 8;
  return best;
}

const API_BONUS = 25;
/** Score of an abbreviation match (`yt` → youtube); below any prefix match. */
const ABBREVIATION = 7;
const EXACT_ID = 1000;
const ID_PREFIX = 500;
const ID_RUN = 300;

/** Per prepared index: recent results, the warmed one-character results and reusable scratch arrays. */
interface SearchState {
  /** Least recently used first (a Map keeps insertion order; a hit is moved to the end). */
  readonly recent: Map<string, SearchResults>;
  /** Results of WARM_QUERIES for `warmLimit`, never evicted. */
  readonly warm: Map<string, SearchResults>;
  warmLimit: number;
  /** Recently seen tokens' matches (least recently used first): typing re-scores only the token being typed. */
  readonly tokens: Map<string, TokenMatch>;
  /** Scratch for `run`: per method lists and (all zero between queries) flags and best scores; tables. */
  scratch: {
    readonly cand: Postings;
    readonly touched: Postings;
    readonly flags: Uint8Array;
    readonly best: Float64Array;
    wordTok: Float32Array;
    textHit: Int8Array;
    wordMark?: Uint8Array;
  } | null;
}

/** What one token matches, independent of the rest of the query. */
interface TokenMatch {
  /** Vocabulary words with a score > 0 (any order), and their scores as float32 (as the per-word table holds them). */
  readonly words: Int32Array;
  readonly scores: Float32Array;
  /** APIs with a score > 0, and their scores. */
  readonly apis: Int32Array;
  readonly apiScores: Float64Array;
  /** Index into VERBS of the verb the token is, else -1. */
  readonly verb: number;
  /** The vocabulary word the token is, else -1. */
  readonly exact: number;
  /** An upper bound of the methods the token matches (the lengths of the lists they are merged from). */
  readonly estimate: number;
}

const states = new WeakMap<PreparedSearchIndex, SearchState>();
/** Recent queries remembered per index (typing, backspacing and retyping answer from here). */
const RECENT_QUERIES = 32;
/** Tokens whose matches are remembered per index. */
const RECENT_TOKENS = 64;
/** Queries of up to this many tokens reuse the per-word and per-text tables of the previous ones. */
const SCRATCH_TOKENS = 6;
/**
 * Tuning (both strategies give the same results; tests force each). A token other than the picked one is scored
 * through the inverted index when its lists are shorter than `postingsPerCandidate` entries per live candidate,
 * else per candidate method (merging a list entry costs a few ns; the per-method rules some 100 ns).
 */
export const searchTuning = { postingsPerCandidate: 32 };
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
  const results = run(p, st, tokens, limit);
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
    st.warm.set(key, recent ?? run(p, st, [q], limit));
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

/** Flags per method set by `collect`. */
const IN_SET = 1;
/** An id segment starts with the token (a necessary condition for the dotted-id bonuses of token 0). */
const SEG_PREFIX = 2;
const VERB_HIT = 4;
const PATH_HIT = 8;
const TEXT_HIT = 16;

/** First position in `p.vocabOrder` whose word is not before `s`, searching from `lo`. */
function lowerBound(p: PreparedSearchIndex, s: string, lo: number): number {
  let hi = p.vocabOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.vocab[p.vocabOrder[mid]!]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position from `lo` (where the word starts with `s` or is past them) whose word does not start with `s`. */
function prefixEnd(p: PreparedSearchIndex, s: string, lo: number): number {
  let hi = p.vocabOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.vocab[p.vocabOrder[mid]!]!.startsWith(s)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What a token matches: the vocabulary words, with their scores exactly as a scan of every word would give them
 * (`wordScore`, else ABBREVIATION for an abbreviation; stored as float32), and the APIs (`apiTokenScore` > 0).
 * The prefix matches are one range of the sorted vocabulary and the abbreviations are among the other words with
 * the same first character, unless the token minus its last character is remembered: every word the token matches
 * that shorter token matches too (a word the token starts, it starts; a word the token abbreviates, it abbreviates
 * or, with one character, too short to abbreviate, starts), so its words are filtered instead.
 */
function tokenMatch(p: PreparedSearchIndex, st: SearchState, t: string): TokenMatch {
  const known = st.tokens.get(t);
  if (known !== undefined) {
    st.tokens.delete(t);
    st.tokens.set(t, known);
    return known;
  }
  const ids: number[] = [];
  const scores: number[] = [];
  const shorter = t.length >= 2 ? st.tokens.get(t.slice(0, -1)) : undefined;
  if (shorter !== undefined) {
    for (const w of shorter.words) {
      const word = p.vocab[w]!;
      const s = wordScore(t, word) || (isAbbreviation(t, word) ? ABBREVIATION : 0);
      if (s > 0) {
        ids.push(w);
        scores.push(s);
      }
    }
  } else {
    const order = p.vocabOrder;
    const first = String.fromCharCode(t.charCodeAt(0));
    const from = lowerBound(p, first, 0);
    const lo = lowerBound(p, t, from);
    const hi = prefixEnd(p, t, lo);
    for (let r = lo; r < hi; r++) {
      ids.push(order[r]!);
      scores.push(wordScore(t, p.vocab[order[r]!]!));
    }
    if (t.length >= 2) {
      const to = prefixEnd(p, first, from);
      for (let r = from; r < to; r++) {
        if (r === lo) r = hi;
        if (r >= to) break;
        if (isAbbreviation(t, p.vocab[order[r]!]!)) {
          ids.push(order[r]!);
          scores.push(ABBREVIATION);
        }
      }
    }
  }
  const words = Int32Array.from(ids);
  const wordScores = Float32Array.from(scores);

  const apis: number[] = [];
  const apiScores: number[] = [];
  for (const a of p.apisByFirstChar.get(t.charCodeAt(0)) ?? []) {
    const s = apiTokenScore(p, a, t);
    if (s > 0) {
      apis.push(a);
      apiScores.push(s);
    }
  }

  const verb = VERBS.findIndex((v) => v.toLowerCase() === t);
  const { apiMethodStart, verbMethodStart, wordSegStart, wordLastSegStart, wordSubStart, wordPathStart } = p;
  let estimate = verb >= 0 ? verbMethodStart[verb + 1]! - verbMethodStart[verb]! : 0;
  for (const a of apis) estimate += apiMethodStart[a + 1]! - apiMethodStart[a]!;
  for (let x = 0; x < words.length; x++) {
    const w = words[x]!;
    estimate += wordSegStart[w + 1]! - wordSegStart[w]! + wordLastSegStart[w + 1]! - wordLastSegStart[w]!;
    if (wordScores[x]! > ABBREVIATION) {
      estimate += wordSubStart[w + 1]! - wordSubStart[w]! + wordPathStart[w + 1]! - wordPathStart[w]!;
      if (t.length >= 3) estimate += p.wordTextMethodCount[w]!;
    }
  }

  const at = lowerBound(p, t, 0);
  const exact = at < p.vocabOrder.length && p.vocab[p.vocabOrder[at]!] === t ? p.vocabOrder[at]! : -1;
  const match: TokenMatch = {
    words,
    scores: wordScores,
    apis: Int32Array.from(apis),
    apiScores: Float64Array.from(apiScores),
    verb,
    exact,
    estimate,
  };
  st.tokens.set(t, match);
  if (st.tokens.size > RECENT_TOKENS) st.tokens.delete(st.tokens.keys().next().value!);
  return match;
}

/**
 * Through the inverted index: every method that matches token `t` (its `match`), listed once in `list` (returns how
 * many), with `best[i]` its best score from segments (with the method-name bonus), camelCase words and its API —
 * the per-method rules' maximum (they only skip values that cannot win: a camelCase word scores at most 18 and an
 * API at most 30, once a segment scored 30 or more) — and `flags[i]` saying which fallbacks apply (VERB_HIT,
 * PATH_HIT, TEXT_HIT) and whether an id segment starts with the token (SEG_PREFIX). `flags` and `best` must be all
 * zero on entry; the caller resets the listed methods' entries after use.
 */
function collect(
  p: PreparedSearchIndex,
  t: string,
  match: TokenMatch,
  flags: Uint8Array,
  best: Float64Array,
  list: Postings,
): number {
  const { wordSegStart, wordLastSegStart, wordSubStart, wordPathStart, wordTextStart } = p;
  const { wordSegMethods, wordLastSegMethods, wordSubMethods, wordPathMethods, wordTexts } = p;
  const { textMethodStart, textMethods, apiMethodStart, apiMethods, verbMethodStart, verbMethods } = p;
  const { words, scores, apis, apiScores, verb } = match;
  let nc = 0;
  for (let x = 0; x < words.length; x++) {
    const w = words[x]!;
    const s = scores[x]!;
    const prefix = s > ABBREVIATION ? SEG_PREFIX | IN_SET : IN_SET;
    for (let j = wordSegStart[w]!, end = wordSegStart[w + 1]!; j < end; j++) {
      const i = wordSegMethods[j]!;
      if (flags[i] === 0) list[nc++] = i;
      flags[i]! |= prefix;
      if (s > best[i]!) best[i] = s;
    }
    const sLast = s + (s === ABBREVIATION ? 2 : 8);
    for (let j = wordLastSegStart[w]!, end = wordLastSegStart[w + 1]!; j < end; j++) {
      const i = wordLastSegMethods[j]!;
      if (flags[i] === 0) list[nc++] = i;
      flags[i]! |= prefix;
      if (sLast > best[i]!) best[i] = sLast;
    }
    if (s <= ABBREVIATION) continue;
    const sSub = s * 0.6;
    for (let j = wordSubStart[w]!, end = wordSubStart[w + 1]!; j < end; j++) {
      const i = wordSubMethods[j]!;
      if (flags[i] === 0) list[nc++] = i;
      flags[i]! |= IN_SET;
      if (sSub > best[i]!) best[i] = sSub;
    }
    for (let j = wordPathStart[w]!, end = wordPathStart[w + 1]!; j < end; j++) {
      const i = wordPathMethods[j]!;
      if (flags[i] === 0) list[nc++] = i;
      flags[i]! |= PATH_HIT | IN_SET;
    }
    if (t.length >= 3)
      for (let y = wordTextStart[w]!, yEnd = wordTextStart[w + 1]!; y < yEnd; y++) {
        const text = wordTexts[y]!;
        for (let j = textMethodStart[text]!, end = textMethodStart[text + 1]!; j < end; j++) {
          const i = textMethods[j]!;
          if (flags[i] === 0) list[nc++] = i;
          flags[i]! |= TEXT_HIT | IN_SET;
        }
      }
  }
  for (let x = 0; x < apis.length; x++) {
    const a = apis[x]!;
    const s = apiScores[x]!;
    for (let j = apiMethodStart[a]!, end = apiMethodStart[a + 1]!; j < end; j++) {
      const i = apiMethods[j]!;
      if (flags[i] === 0) list[nc++] = i;
      flags[i]! |= IN_SET;
      if (s > best[i]!) best[i] = s;
    }
  }
  if (verb >= 0)
    for (let j = verbMethodStart[verb]!, end = verbMethodStart[verb + 1]!; j < end; j++) {
      const i = verbMethods[j]!;
      if (flags[i] === 0) list[nc++] = i;
      flags[i]! |= VERB_HIT | IN_SET;
    }
  return nc;
}

/** A listed method's score for the token `collect` listed it for: its best, else the first fallback that applies. */
const tokenScore = (flags: number, best: number): number =>
  best > 0 ? best : flags & VERB_HIT ? 12 : flags & PATH_HIT ? 5 : flags & TEXT_HIT ? 2 : 0;

/**
 * The uncached search; the result is exactly that of scoring every API and every method against every token (the
 * old scorer, kept in ./query-reference.ts as the tests' oracle).
 *
 * APIs are few and all scored. Methods: a token matches a method by an id segment word scoring > 0, a camelCase
 * word start or path word scoring > ABBREVIATION, its API scoring > 0, its verb, or (tokens of 3+ characters) a
 * summary word scoring > ABBREVIATION; the inverted index lists exactly those methods (`collect`). The token with
 * the shortest lists is "picked": its methods are the candidates, and no other method can match every token. The
 * other tokens then filter and score the candidates in query order, each through the inverted index when its lists
 * are short enough for the candidates left, else by the per-method rules. The dotted-id bonus is checked on segment
 * words. `offer` keeps the best `limit` by (score desc, rank asc) and every rank is unique, so the order in which
 * candidates are offered does not change the outcome.
 */
function run(
  p: PreparedSearchIndex,
  st: SearchState,
  tokens: readonly string[],
  limit: number,
): SearchResults {
  const dotted = tokens.join(".");
  const nt = tokens.length;
  const nApis = p.apiName.length;
  const methods = p.index.methods;
  const n = methods.length;
  // Per API and token (row-major): the API-level score, 0 unless the token's match lists it.
  const matches = tokens.map((t) => tokenMatch(p, st, t));
  const apiTok = new Float64Array(nApis * nt);
  for (let k = 0; k < nt; k++) {
    const { apis, apiScores } = matches[k]!;
    for (let x = 0; x < apis.length; x++) apiTok[apis[x]! * nt + k] = apiScores[x]!;
  }

  // The best `limit` candidates as parallel arrays sorted best-first: (score desc, rank asc).
  const topScore: number[] = [];
  const topRank: number[] = [];
  const topItem: number[] = []; // API index, or nApis + method index
  let total = 0;
  const offer = (score: number, rank: number, item: number) => {
    total++;
    const len = topScore.length;
    if (len === limit) {
      const ws = topScore[len - 1]!;
      if (score < ws || (score === ws && rank > topRank[len - 1]!)) return;
    }
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = topScore[mid]!;
      if (s > score || (s === score && topRank[mid]! < rank)) lo = mid + 1;
      else hi = mid;
    }
    topScore.splice(lo, 0, score);
    topRank.splice(lo, 0, rank);
    topItem.splice(lo, 0, item);
    if (topScore.length > limit) {
      topScore.pop();
      topRank.pop();
      topItem.pop();
    }
  };

  for (let a = 0; a < nApis; a++) {
    let score = API_BONUS;
    for (let k = 0; k < nt; k++) {
      const s = apiTok[a * nt + k]!;
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) {
      if (p.apiName[a] === dotted || `${p.apiName[a]}.${p.apiVersion[a]}` === dotted) score += EXACT_ID;
      offer(score, p.apiRank[a]!, a);
    }
  }

  let pick = 0;
  for (let k = 1; k < nt; k++) if (matches[k]!.estimate < matches[pick]!.estimate) pick = k;

  st.scratch ??= {
    cand: postings(n, n - 1),
    touched: postings(n, n - 1),
    flags: new Uint8Array(n),
    best: new Float64Array(n),
    wordTok: new Float32Array(0),
    textHit: new Int8Array(0),
  };
  const { cand, touched, flags, best: bestScore } = st.scratch;

  // The picked token's candidates (`cand`, the methods still alive), and per candidate position: the score so far
  // (`partial`: tokens are applied in query order, so each method's score is summed in the same order as before),
  // the picked token's score until its turn, and whether an id segment starts with token 0 (else the query is no
  // dotted run of the id: no id bonus to look for).
  let nc = collect(p, tokens[pick]!, matches[pick]!, flags, bestScore, cand);
  const partial = new Float64Array(nc);
  const pickScore = pick === 0 ? partial : new Float64Array(nc);
  const idCandidate = new Uint8Array(nc);
  for (let c = 0; c < nc; c++) {
    const i = cand[c]!;
    pickScore[c] = tokenScore(flags[i]!, bestScore[i]!);
    if (pick === 0) idCandidate[c] = flags[i]! & SEG_PREFIX;
    flags[i] = 0;
    bestScore[i] = 0;
  }

  // Per word and per shared text, for tokens scored per method. Reused across queries of up to SCRATCH_TOKENS
  // tokens (longer ones get their own).
  const nv = p.vocab.length;
  const nTexts = p.textStart.length - 1;
  let wordTok = st.scratch.wordTok;
  let textHit = st.scratch.textHit;
  let tablesReady = false;
  const perMethodTables = () => {
    if (tablesReady) return;
    tablesReady = true;
    if (wordTok.length >= nv * nt) wordTok.fill(0, 0, nv * nt);
    else {
      wordTok = new Float32Array(nv * nt);
      if (nt <= SCRATCH_TOKENS) st.scratch!.wordTok = wordTok;
    }
    for (let k = 0; k < nt; k++) {
      const { words, scores } = matches[k]!;
      for (let x = 0; x < words.length; x++) wordTok[words[x]! * nt + k] = scores[x]!;
    }
    if (textHit.length >= nTexts * nt) textHit.fill(-1, 0, nTexts * nt);
    else {
      textHit = new Int8Array(nTexts * nt).fill(-1);
      if (nt <= SCRATCH_TOKENS) st.scratch!.textHit = textHit;
    }
  };

  const { segStart, segWords, subStart, subWords, pathStart, pathWords } = p;
  const { verbLower, idLower, methodApi, textStart, textWords, methodRank, methodBits } = p;
  for (let k = 0; k < nt && nc > 0; k++) {
    if (k === pick) {
      if (k > 0) for (let c = 0; c < nc; c++) partial[c]! += pickScore[c]!;
      continue;
    }
    let alive = 0;
    if (matches[k]!.estimate < searchTuning.postingsPerCandidate * nc) {
      // Through the inverted index, like the picked token.
      const nTouched = collect(p, tokens[k]!, matches[k]!, flags, bestScore, touched);
      for (let c = 0; c < nc; c++) {
        const i = cand[c]!;
        if (flags[i] === 0) continue;
        cand[alive] = i;
        partial[alive] = partial[c]! + tokenScore(flags[i]!, bestScore[i]!);
        if (k < pick) pickScore[alive] = pickScore[c]!;
        idCandidate[alive] = k === 0 ? flags[i]! & SEG_PREFIX : idCandidate[c]!;
        alive++;
      }
      for (let c = 0; c < nTouched; c++) {
        flags[touched[c]!] = 0;
        bestScore[touched[c]!] = 0;
      }
    } else {
      // Per method: its words against the per-word scores (0 = no match).
      perMethodTables();
      for (let c = 0; c < nc; c++) {
        const i = cand[c]!;
        const api = methodApi[i]!;
        const s0 = segStart[i]!;
        const last = segStart[i + 1]! - 1;
        let segPrefix = 0;
        let best = 0;
        for (let j = s0; j <= last; j++) {
          let s = wordTok[segWords[j]! * nt + k]!;
          if (s > ABBREVIATION) segPrefix = SEG_PREFIX;
          if (s > 0 && j === last && j > s0) s += s === ABBREVIATION ? 2 : 8;
          if (s > best) best = s;
        }
        if (best < 30) {
          for (let j = subStart[i]!, end = subStart[i + 1]!; j < end; j++) {
            const s = wordTok[subWords[j]! * nt + k]!;
            if (s > ABBREVIATION && s * 0.6 > best) best = s * 0.6;
          }
          const s = apiTok[api * nt + k]!;
          if (s > best) best = s;
        }
        if (best === 0 && verbLower[i] === tokens[k]) best = 12;
        if (best === 0) {
          for (let j = pathStart[i]!, end = pathStart[i + 1]!; j < end; j++)
            if (wordTok[pathWords[j]! * nt + k]! > ABBREVIATION) {
              best = 5;
              break;
            }
        }
        if (best === 0 && tokens[k]!.length >= 3) {
          const text = methods[i]![4];
          const slot = text * nt + k;
          let hit = textHit[slot]!;
          if (hit < 0) {
            hit = 0;
            for (let j = textStart[text]!, end = textStart[text + 1]!; j < end; j++)
              if (wordTok[textWords[j]! * nt + k]! > ABBREVIATION) {
                hit = 1;
                break;
              }
            textHit[slot] = hit;
          }
          if (hit === 1) best = 2;
        }
        if (best === 0) continue;
        cand[alive] = i;
        partial[alive] = partial[c]! + best;
        if (k < pick) pickScore[alive] = pickScore[c]!;
        idCandidate[alive] = k === 0 ? segPrefix : idCandidate[c]!;
        alive++;
      }
    }
    nc = alive;
  }

  // The whole query read as a dotted id: `t0.t1…tl` is the id (EXACT_ID), starts it (ID_PREFIX) or follows one of
  // its dots (ID_RUN, +50 at its end), i.e. segments equal to t0…tl-1 followed by one starting with tl. Checked on
  // segment words: tokens that are words (`exact`), and a mark on the words starting with the last token.
  const exact = matches.map((mt) => mt.exact);
  const lastWord = exact[nt - 1]!;
  const idPossible = exact.every((w, k) => w >= 0 || k === nt - 1);
  const startsLast = (st.scratch.wordMark ??= new Uint8Array(nv));
  const { words: lastWords, scores: lastScores } = matches[nt - 1]!;
  for (let x = 0; x < lastWords.length; x++) if (lastScores[x]! > ABBREVIATION) startsLast[lastWords[x]!] = 1;
  const runAt = (at: number) => {
    for (let q = 0; q < nt - 1; q++) if (segWords[at + q] !== exact[q]) return false;
    return startsLast[segWords[at + nt - 1]!] === 1;
  };
  const dotDotted = `.${dotted}`;
  for (let c = 0; c < nc; c++) {
    const i = cand[c]!;
    let sc = partial[c]!;
    const bits = methodBits[i]!;
    if (bits & IRREGULAR_ID) {
      const id = idLower[i]!;
      if (id === dotted) sc += EXACT_ID;
      else if (id.startsWith(dotted)) sc += ID_PREFIX;
      else {
        const at = id.indexOf(dotDotted);
        if (at >= 0) sc += at + 1 + dotted.length === id.length ? ID_RUN + 50 : ID_RUN;
      }
    } else if (idCandidate[c] !== 0 && idPossible) {
      const s0 = segStart[i]!;
      const nSeg = segStart[i + 1]! - s0;
      if (nSeg >= nt && runAt(s0))
        sc += nSeg === nt && segWords[s0 + nt - 1] === lastWord ? EXACT_ID : ID_PREFIX;
      else
        for (let j = 1; j + nt <= nSeg; j++)
          if (runAt(s0 + j)) {
            sc += j + nt === nSeg && segWords[s0 + nSeg - 1] === lastWord ? ID_RUN + 50 : ID_RUN;
            break;
          }
    }
    if (bits & DEPRECATED) sc -= 5;
    offer(sc, methodRank[i]!, nApis + i);
  }
  for (let x = 0; x < lastWords.length; x++) startsLast[lastWords[x]!] = 0;

  const hits: SearchHit[] = topItem.map((item, r) => searchHit(p, item, topScore[r]!));
  return { hits, total };
}

/** The hit for item `item` of the prepared index: APIs first (0 … apis − 1), then methods. */
export function searchHit(p: PreparedSearchIndex, item: number, score: number): SearchHit {
  const nApis = p.index.apis.length;
  if (item < nApis) return { kind: "api", score, href: p.apiHref[item]!, api: p.index.apis[item]! };
  const m = p.index.methods[item - nApis]!;
  const api = p.index.apis[m[0]]!;
  return {
    kind: "method",
    score,
    href: methodPath(api.n, api.v, m[1]),
    api,
    id: m[1],
    verb: VERBS[m[2]] ?? "GET",
    path: m[3],
    summary: p.index.texts[m[4]] ?? "",
    deprecated: m[5] === 1,
  };
}
