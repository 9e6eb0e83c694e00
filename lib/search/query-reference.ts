/**
 * TEST ORACLE ONLY — not used by the app. The old, straightforward scorer of ./query.ts (as it was before the
 * inverted index and the result cache), kept verbatim: it scores every API and every method against every token.
 * lib/search/query-equivalence.test.ts asserts that the fast `searchIndex` returns deep-equal results, and the ad
 * hoc timing script compares the two. Do not optimise this file; if the ranking rules change, change both.
 */
import { methodPath } from "../routes";
import { VERBS } from "./types";
import {
  isAbbreviation,
  tokenize,
  type PreparedSearchIndex,
  type SearchHit,
  type SearchResults,
} from "./query";

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
export function referenceSearchIndex(p: PreparedSearchIndex, query: string, limit = 50): SearchResults {
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
      href: methodPath(api.n, api.v, m[1]),
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
