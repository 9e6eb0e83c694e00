/**
 * Querying the search index in the browser (or anywhere): pure, synchronous, allocation-light.
 *
 * `prepareSearchIndex` precomputes lowercase haystacks once (id segments, camelCase word starts, paths, summaries,
 * API names and title words) and a static tie-break rank; `searchIndex` then scores every API and method against
 * the query's tokens and keeps the best `limit` in a small sorted buffer (no full sort of thousands of hits).
 *
 * Matching: the query is split into tokens on spaces and `. / :` (so `yt chan list`, `channels.list` and
 * `youtube:v3` all work); EVERY token must match something. A token scores most as a whole id segment, then as a
 * prefix of one (the closer to whole, the better; the method name — the last segment — counts extra), then as a
 * camelCase word start, the API's name/title/version, an abbreviation (`yt` → youtube: the token's letters in order,
 * same first letter), the HTTP verb, the path, and least in the summary. The whole query read as a dotted id adds a
 * large bonus when it is the exact id (`youtube channels list`), a prefix of it, or a run of its segments
 * (`channels.list`). Ties go to APIs, then preferred versions, then stable versions, then shorter ids.
 */
import { compareVersions } from "../discovery/directory";
import { VERBS, type SearchIndex, type SearchIndexApi } from "./types";

export interface PreparedSearchIndex {
  readonly index: SearchIndex;
  /** Per API: lowercase name, its camelCase word starts, title words, version, href. */
  readonly apiName: readonly string[];
  readonly apiSubwords: readonly (readonly string[])[];
  readonly apiTitleWords: readonly (readonly string[])[];
  readonly apiVersion: readonly string[];
  readonly apiHref: readonly string[];
  /**
   * Every distinct lowercase word of method ids, camelCase word starts and paths. A query token is scored once
   * against each word; a method then only looks its words up (no string work per method).
   */
  readonly vocab: readonly string[];
  /** Per method, word ids as flat arrays with offsets: id segments (in order), camelCase word starts, path words. */
  readonly segStart: Int32Array;
  readonly segWords: Int32Array;
  readonly subStart: Int32Array;
  readonly subWords: Int32Array;
  readonly pathStart: Int32Array;
  readonly pathWords: Int32Array;
  readonly methodApi: Int32Array;
  readonly idLower: readonly string[];
  readonly verbLower: readonly string[];
  /** Per shared summary text: its distinct words (ids into `vocab`), flat with offsets. */
  readonly textStart: Int32Array;
  readonly textWords: Int32Array;
  /** Tie-break ranks (lower is better), APIs and methods on one scale with APIs first. */
  readonly apiRank: Int32Array;
  readonly methodRank: Int32Array;
}

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

const enc = encodeURIComponent;
export const apiHref = (name: string, version: string): string => `/${enc(name)}/${enc(version)}`;
export const methodHref = (name: string, version: string, id: string): string =>
  `/${enc(name)}/${enc(version)}/${enc(id)}`;

/** `channelSections` → `["sections"]`; `getIamPolicy` → `["iam", "policy"]` (word starts after the first). */
export function camelWords(s: string): string[] {
  const parts = s.split(/(?<=[a-z0-9])(?=[A-Z])|[_-]/).filter(Boolean);
  return parts.slice(1).map((p) => p.toLowerCase());
}

/** Query → lowercase tokens. */
export function tokenize(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s./:{}+,()"'`*?]+/)
    .filter(Boolean);
}

const isStable = (v: string) => /^v\d+(\.\d+)*$/.test(v);

/** Growable Int32 list. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export function prepareSearchIndex(index: SearchIndex): PreparedSearchIndex {
  const apiName = index.apis.map((a) => a.n.toLowerCase());
  const apiSubwords = index.apis.map((a) => camelWords(a.n));
  const apiTitleWords = index.apis.map((a) =>
    a.t
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  const apiVersion = index.apis.map((a) => a.v.toLowerCase());
  const apiHrefs = index.apis.map((a) => apiHref(a.n, a.v));

  const vocab: string[] = [];
  const wordIds = new Map<string, number>();
  const wordId = (w: string): number => {
    let id = wordIds.get(w);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(w);
      wordIds.set(w, id);
    }
    return id;
  };
  // Raw segment / path part → its word ids, memoised (most recur across methods and versions).
  const subMemo = new Map<string, number[]>();
  const subsOf = (seg: string): number[] => {
    let ids = subMemo.get(seg);
    if (ids === undefined) subMemo.set(seg, (ids = camelWords(seg).map(wordId)));
    return ids;
  };
  const pathMemo = new Map<string, number[]>();
  const pathWordsOf = (part: string): number[] => {
    let ids = pathMemo.get(part);
    if (ids === undefined) {
      const words = part.split(/[^A-Za-z0-9]+/).filter(Boolean);
      ids = [...new Set([...words.map((w) => w.toLowerCase()), ...words.flatMap(camelWords)])].map(wordId);
      pathMemo.set(part, ids);
    }
    return ids;
  };

  const n = index.methods.length;
  const methodApi = new Int32Array(n);
  const idLower: string[] = new Array<string>(n);
  const verbLower: string[] = new Array<string>(n);
  const segStart = new Int32Array(n + 1);
  const subStart = new Int32Array(n + 1);
  const pathStart = new Int32Array(n + 1);
  const segWords = new IntList();
  const subWords = new IntList();
  const pathWords = new IntList();
  for (let i = 0; i < n; i++) {
    const m = index.methods[i]!;
    methodApi[i] = m[0];
    idLower[i] = m[1].toLowerCase();
    verbLower[i] = (VERBS[m[2]] ?? "GET").toLowerCase();
    segStart[i] = segWords.length;
    subStart[i] = subWords.length;
    pathStart[i] = pathWords.length;
    for (const seg of m[1].split(".")) {
      segWords.push(wordId(seg.toLowerCase()));
      for (const w of subsOf(seg)) subWords.push(w);
    }
    for (const part of m[3].split("/")) for (const w of pathWordsOf(part)) pathWords.push(w);
  }
  segStart[n] = segWords.length;
  subStart[n] = subWords.length;
  pathStart[n] = pathWords.length;
  const textStart = new Int32Array(index.texts.length + 1);
  const textWords = new IntList();
  index.texts.forEach((t, i) => {
    textStart[i] = textWords.length;
    for (const w of new Set(t.toLowerCase().split(/[^a-z0-9]+/)))
      if (w.length >= 2) textWords.push(wordId(w));
  });
  textStart[index.texts.length] = textWords.length;

  // Static order for ties: preferred version, stable version, not deprecated, shorter id, alphabetical, API order.
  const pref = index.apis.map((a) => (a.p ? 0 : 1));
  const stable = index.apis.map((a) => (isStable(a.v) ? 0 : 1));
  const apiOrder = index.apis.map((_, i) => i);
  apiOrder.sort((x, y) => {
    const a = index.apis[x]!;
    const b = index.apis[y]!;
    return (
      pref[x]! - pref[y]! ||
      stable[x]! - stable[y]! ||
      a.n.length - b.n.length ||
      (a.n < b.n ? -1 : a.n > b.n ? 1 : 0) ||
      compareVersions(b.v, a.v)
    );
  });
  const apiRank = new Int32Array(index.apis.length);
  apiOrder.forEach((api, r) => (apiRank[api] = r));

  const methodOrder = Array.from({ length: n }, (_, i) => i);
  methodOrder.sort((x, y) => {
    const a = index.methods[x]!;
    const b = index.methods[y]!;
    return (
      pref[a[0]]! - pref[b[0]]! ||
      stable[a[0]]! - stable[b[0]]! ||
      a[5] - b[5] ||
      a[1].length - b[1].length ||
      (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) ||
      apiRank[a[0]]! - apiRank[b[0]]!
    );
  });
  const methodRank = new Int32Array(n);
  const offset = index.apis.length;
  methodOrder.forEach((m, r) => (methodRank[m] = offset + r));

  return {
    index,
    apiName,
    apiSubwords,
    apiTitleWords,
    apiVersion,
    apiHref: apiHrefs,
    vocab,
    segStart,
    segWords: segWords.done(),
    subStart,
    subWords: subWords.done(),
    pathStart,
    pathWords: pathWords.done(),
    methodApi,
    idLower,
    verbLower,
    textStart,
    textWords: textWords.done(),
    apiRank,
    methodRank,
  };
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

/**
 * The best `limit` APIs and methods for `query` (empty query → nothing). Each hit carries its href and the API
 * it belongs to, so callers can label or group results.
 */
export function searchIndex(p: PreparedSearchIndex, query: string, limit = 50): SearchResults {
  const tokens = tokenize(query);
  if (tokens.length === 0 || limit <= 0) return { hits: [], total: 0 };
  const dotted = tokens.join(".");
  const nt = tokens.length;
  const nApis = p.apiName.length;

  // Per API and token (row-major): the API-level score, computed once per query.
  const apiTok = new Float64Array(nApis * nt);
  for (let a = 0; a < nApis; a++)
    for (let k = 0; k < nt; k++) apiTok[a * nt + k] = apiTokenScore(p, a, tokens[k]!);
  // Per shared text and token: does a word of the summary start with the token? Computed lazily (-1 = unknown).
  const textHit = new Int8Array((p.textStart.length - 1) * nt).fill(-1);

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

  // Per vocabulary word and token: whole/prefix score (18–30), ABBREVIATION for `yt` → youtube, else 0.
  const nv = p.vocab.length;
  const wordTok = new Float32Array(nv * nt);
  for (let w = 0; w < nv; w++) {
    const word = p.vocab[w]!;
    for (let k = 0; k < nt; k++) {
      const t = tokens[k]!;
      if (word.charCodeAt(0) !== t.charCodeAt(0)) continue;
      wordTok[w * nt + k] = wordScore(t, word) || (isAbbreviation(t, word) ? ABBREVIATION : 0);
    }
  }

  const { segStart, segWords, subStart, subWords, pathStart, pathWords } = p;
  const { verbLower, idLower, methodApi, textStart, textWords, methodRank } = p;
  const dotDotted = `.${dotted}`;
  const methods = p.index.methods;
  const n = methods.length;
  for (let i = 0; i < n; i++) {
    const api = methodApi[i]!;
    const s0 = segStart[i]!;
    const last = segStart[i + 1]! - 1;
    let score = 0;
    let k = 0;
    for (; k < nt; k++) {
      let best = 0;
      for (let j = s0; j <= last; j++) {
        let s = wordTok[segWords[j]! * nt + k]!;
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
      if (best === 0) break;
      score += best;
    }
    if (k < nt) continue;
    const id = idLower[i]!;
    if (id === dotted) score += EXACT_ID;
    else if (id.startsWith(dotted)) score += ID_PREFIX;
    else {
      const at = id.indexOf(dotDotted);
      if (at >= 0) score += at + 1 + dotted.length === id.length ? ID_RUN + 50 : ID_RUN;
    }
    if (methods[i]![5] === 1) score -= 5;
    offer(score, methodRank[i]!, nApis + i);
  }

  const hits: SearchHit[] = topItem.map((item, r) => {
    const score = topScore[r]!;
    if (item < nApis) return { kind: "api", score, href: p.apiHref[item]!, api: p.index.apis[item]! };
    const m = methods[item - nApis]!;
    const api = p.index.apis[m[0]]!;
    return {
      kind: "method",
      score,
      href: methodHref(api.n, api.v, m[1]),
      api,
      id: m[1],
      verb: VERBS[m[2]] ?? "GET",
      path: m[3],
      summary: p.index.texts[m[4]] ?? "",
      deprecated: m[5] === 1,
    };
  });
  return { hits, total };
}
