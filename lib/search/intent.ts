/**
 * Search by what a person means (`send email`, `list my files drive`, `calender events insert`): pure, in memory.
 *
 * Every method is indexed under the stemmed words (./intents.ts `stem`) of its id (the method name, its resources,
 * each split at camelCase too), its API (name and title), its path and its summary, each word with the weight of
 * the best field it appears in (FIELD). Methods that accept a media upload are also indexed under `upload`.
 *
 * A query's words (stop words dropped, phrases rewritten) each expand to: the word's stem; its synonyms (a small
 * table, worth less); words one or two typos away for words of 5+ letters (worth less again); and, for the last
 * word while it is being typed, words it starts (3+ letters). A method's score for a word is its best expansion's
 * weight, plus a little when other expansions match too (a method in Gmail *and* about messages is more an "email"
 * than one that only mentions messages). Every word must match; when none does for 3+ words, one may be missing
 * (at a cost). Preferred and stable versions count more, deprecated methods less; ties go to the lexical index's
 * order (preferred version, stable version, shorter id).
 */
import { ACTIONS, intentWords, lookUp, stem, SYNONYMS, typoBudget, withinEdits } from "./intents";
import type { PreparedSearchIndex } from "./prepare";
import { searchHit, type SearchHit, type SearchResults } from "./query";
import { versionFactors } from "./versions";

/** Weight of a word by where a method has it. */
export const FIELD = {
  /** The method name (last id segment) or one of its camelCase words. */
  method: 10,
  /** A media-upload method, for the word `upload`. */
  upload: 9,
  /** A resource of the id (the middle segments) or one of its camelCase words. */
  resource: 7,
  /** The API's name or one of its camelCase words. */
  api: 8,
  /** A word of the API's title. */
  title: 3,
  path: 3,
  summary: 2.5,
} as const;

/** How much an expansion of a query word is worth, relative to the word itself. */
const SYNONYM = 0.8;
const ACTION = 0.95;
/** A camelCase word of a segment (`send` in `sendTestMessage`) is worth this share of the whole segment. */
const PART = 0.6;
const TYPO = 0.7;
/** A prefix of a word is worth this much at best (the closer to the whole word, the more). */
const PREFIX = 0.9;
/** Other matching expansions add to a word's best, up to this many times the best. */
const MORE_CAP = 1.5;
/** A candidate that lacks one word of a 3+ word query keeps this share of its score. */
const MISSING_ONE = 0.6;
/** The last word's prefix expansions: from this many letters, at most this many words. */
const PREFIX_MIN = 3;
const PREFIX_MAX_TERMS = 400;

export interface IntentIndex {
  readonly lexical: PreparedSearchIndex;
  /** Stemmed words by id, their ids, and the ids in lexicographic order (prefix ranges). */
  readonly terms: readonly string[];
  readonly termIds: ReadonlyMap<string, number>;
  readonly termOrder: Int32Array;
  /** Per term (flat with offsets): the methods having it, ascending, and the weight of its best field there. */
  readonly postStart: Int32Array;
  readonly postMethod: Int32Array;
  readonly postWeight: Float32Array;
  /** Per term: the APIs whose name or title has it, and its weight there (an API hit needs every word). */
  readonly termApis: ReadonlyMap<number, readonly (readonly [api: number, weight: number])[]>;
  /** Per API: a factor for its version (preferred first, then stable, then pre-release). */
  readonly apiFactor: Float32Array;
}

/** Lowercase words of `s` split at non-alphanumerics (`whole`), and their camelCase words (`parts`). */
function wordsOf(s: string): { whole: string[]; parts: string[] } {
  const whole: string[] = [];
  const parts: string[] = [];
  for (const w of s.split(/[^A-Za-z0-9]+/)) {
    if (w === "") continue;
    whole.push(w.toLowerCase());
    const camel = w.split(/(?<=[a-z0-9])(?=[A-Z])/);
    if (camel.length > 1) for (const c of camel) parts.push(c.toLowerCase());
  }
  return { whole, parts };
}

export function prepareIntentIndex(lexical: PreparedSearchIndex): IntentIndex {
  const { index } = lexical;
  const terms: string[] = [];
  const termIds = new Map<string, number>();
  const termId = (w: string): number => {
    const s = stem(w);
    let id = termIds.get(s);
    if (id === undefined) {
      id = terms.length;
      terms.push(s);
      termIds.set(s, id);
    }
    return id;
  };
  // A string's terms with their share of its field's weight (whole words 1, camelCase words PART), memoised.
  const memo = new Map<string, [number, number][]>();
  const idsOf = (s: string): [number, number][] => {
    let ids = memo.get(s);
    if (ids === undefined) {
      const { whole, parts } = wordsOf(s);
      const m = new Map<number, number>();
      for (const w of parts) m.set(termId(w), PART);
      for (const w of whole) m.set(termId(w), 1);
      memo.set(s, (ids = [...m]));
    }
    return ids;
  };

  // Per API and per text, their weighted terms once (shared by all their methods).
  const apiTerms = index.apis.map((a) => {
    const m = new Map<number, number>();
    for (const [t, f] of idsOf(a.t)) m.set(t, f * FIELD.title);
    for (const [t, f] of idsOf(a.n)) m.set(t, Math.max(m.get(t) ?? 0, f * FIELD.api));
    return m;
  });
  const textTerms = index.texts.map((t) => idsOf(t));
  const upload = termId("upload");
  const uploads = new Set(index.uploads);

  // Per method: term → best weight; collected as (term, method, weight) triples, then grouped by term.
  const n = index.methods.length;
  let tTerm = new Int32Array(1 << 20);
  let tMethod = new Int32Array(1 << 20);
  let tWeight = new Float32Array(1 << 20);
  let count = 0;
  const weights = new Map<number, number>();
  const put = (t: number, w: number) => {
    if ((weights.get(t) ?? 0) < w) weights.set(t, w);
  };
  for (let i = 0; i < n; i++) {
    const [api, id, , path, text] = index.methods[i]!;
    weights.clear();
    for (const [t] of textTerms[text]!) put(t, FIELD.summary);
    // By part: whole paths rarely repeat (versions differ in a prefix), their parts do.
    for (const part of path.split("/")) for (const [t, f] of idsOf(part)) put(t, f * FIELD.path);
    for (const [t, w] of apiTerms[api]!) put(t, w);
    const segs = id.split(".");
    segs.forEach((seg, j) => {
      const w = j === segs.length - 1 ? FIELD.method : j === 0 ? FIELD.api : FIELD.resource;
      for (const [t, f] of idsOf(seg)) put(t, f * w);
    });
    if (uploads.has(i)) put(upload, FIELD.upload);
    if (count + weights.size > tTerm.length) {
      const grow = <T extends Int32Array | Float32Array>(a: T, make: (len: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      tTerm = grow(tTerm, (l) => new Int32Array(l));
      tMethod = grow(tMethod, (l) => new Int32Array(l));
      tWeight = grow(tWeight, (l) => new Float32Array(l));
    }
    for (const [t, w] of weights) {
      tTerm[count] = t;
      tMethod[count] = i;
      tWeight[count] = w;
      count++;
    }
  }
  // Counting sort by term (methods stay ascending within a term).
  const postStart = new Int32Array(terms.length + 1);
  for (let j = 0; j < count; j++) postStart[tTerm[j]! + 1]!++;
  for (let t = 0; t < terms.length; t++) postStart[t + 1]! += postStart[t]!;
  const fill = postStart.slice(0, terms.length);
  const postMethod = new Int32Array(count);
  const postWeight = new Float32Array(count);
  for (let j = 0; j < count; j++) {
    const at = fill[tTerm[j]!]!++;
    postMethod[at] = tMethod[j]!;
    postWeight[at] = tWeight[j]!;
  }
  const termOrder = Int32Array.from(terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1)));
  const termApis = new Map<number, [number, number][]>();
  apiTerms.forEach((m, a) => {
    for (const [t, w] of m) {
      const list = termApis.get(t);
      if (list) list.push([a, w]);
      else termApis.set(t, [[a, w]]);
    }
  });
  return {
    lexical,
    terms,
    termIds,
    termOrder,
    postStart,
    postMethod,
    postWeight,
    termApis,
    apiFactor: versionFactors(index),
  };
}

/**
 * A query word's expansions: term ids and what matching each is worth (1 = the word itself). The first `meanings`
 * entries are the word and its synonyms (several of them matching one method add up); typos and prefixes follow
 * (only the best counts: `buckets` also starting `bucketsId` says nothing more).
 */
interface Expansion {
  readonly terms: readonly number[];
  readonly weights: readonly number[];
  readonly meanings: number;
}

function expand(ii: IntentIndex, word: string, typing: boolean): Expansion {
  const out = new Map<number, number>();
  const add = (t: number | undefined, w: number) => {
    if (t !== undefined && (out.get(t) ?? 0) < w) out.set(t, w);
  };
  const s = stem(word);
  add(ii.termIds.get(s), 1);
  for (const syn of lookUp(SYNONYMS, word)) add(ii.termIds.get(stem(syn)), SYNONYM);
  for (const act of lookUp(ACTIONS, word)) add(ii.termIds.get(stem(act)), ACTION);
  const meanings = out.size;
  const budget = typoBudget(s);
  if (budget > 0)
    for (let t = 0; t < ii.terms.length; t++) {
      const term = ii.terms[t]!;
      if (term.charCodeAt(0) === s.charCodeAt(0) && term !== s && withinEdits(s, term, budget)) add(t, TYPO);
    }
  if (typing && word.length >= PREFIX_MIN) {
    const { terms, termOrder } = ii;
    let lo = 0;
    let hi = termOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[termOrder[mid]!]! < word) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo, end = Math.min(termOrder.length, lo + PREFIX_MAX_TERMS); k < end; k++) {
      const term = terms[termOrder[k]!]!;
      if (!term.startsWith(word)) break;
      add(termOrder[k], PREFIX * (0.5 + (0.5 * word.length) / term.length));
    }
  }
  return { terms: [...out.keys()], weights: [...out.values()], meanings };
}

/** Reusable per-method arrays (all zero between queries). */
interface Scratch {
  readonly best: Float32Array;
  readonly sum: Float32Array;
  readonly total: Float32Array;
  readonly hits: Uint8Array;
  readonly touched: Int32Array;
}
const scratches = new WeakMap<IntentIndex, Scratch>();

/**
 * The best `limit` APIs and methods for what `query` means (see the module comment). `typing` says the last
 * word may be unfinished (it then also matches the words it starts).
 */
export function intentSearch(ii: IntentIndex, query: string, limit = 50, typing = true): SearchResults {
  const words = intentWords(query);
  if (words.length === 0 || limit <= 0) return { hits: [], total: 0 };
  const endsOpen = typing && !/\s$/.test(query);
  const expansions = words.map((w, k) => expand(ii, w, endsOpen && k === words.length - 1));
  const { lexical, postStart, postMethod, postWeight, apiFactor } = ii;
  const { index } = lexical;
  const n = index.methods.length;
  let sc = scratches.get(ii);
  if (sc === undefined) {
    sc = {
      best: new Float32Array(n),
      sum: new Float32Array(n),
      total: new Float32Array(n),
      hits: new Uint8Array(n),
      touched: new Int32Array(n),
    };
    scratches.set(ii, sc);
  }
  const { best, sum, total, hits, touched } = sc;
  let nTouched = 0;
  const wordTouched: number[] = [];
  for (const exp of expansions) {
    wordTouched.length = 0;
    for (let x = 0; x < exp.terms.length; x++) {
      const t = exp.terms[x]!;
      const w = exp.weights[x]!;
      const meaning = x < exp.meanings;
      for (let j = postStart[t]!, end = postStart[t + 1]!; j < end; j++) {
        const i = postMethod[j]!;
        const s = postWeight[j]! * w;
        if (best[i] === 0) wordTouched.push(i);
        if (s > best[i]!) best[i] = s;
        if (meaning) sum[i]! += s;
      }
    }
    for (const i of wordTouched) {
      if (hits[i] === 0 && total[i] === 0) touched[nTouched++] = i;
      total[i]! += Math.max(best[i]!, Math.min(sum[i]!, MORE_CAP * best[i]!));
      hits[i]!++;
      best[i] = 0;
      sum[i] = 0;
    }
  }

  const nw = words.length;
  const need = (strict: boolean) => (strict ? nw : nw - 1);
  let strict = true;
  let matched = 0;
  for (let c = 0; c < nTouched; c++) if (hits[touched[c]!] === nw) matched++;
  if (matched === 0 && nw >= 3) strict = false;

  const top: { score: number; rank: number; item: number }[] = [];
  const offer = (score: number, rank: number, item: number) => {
    if (top.length === limit) {
      const worst = top[top.length - 1]!;
      if (score < worst.score || (score === worst.score && rank > worst.rank)) return;
    }
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = top[mid]!;
      if (m.score > score || (m.score === score && m.rank < rank)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, { score, rank, item });
    if (top.length > limit) top.pop();
  };

  let found = 0;
  const nApis = index.apis.length;
  for (let c = 0; c < nTouched; c++) {
    const i = touched[c]!;
    if (hits[i]! >= need(strict)) {
      const m = index.methods[i]!;
      let score = total[i]! * apiFactor[m[0]]! * (m[5] === 1 ? 0.85 : 1);
      if (hits[i]! < nw) score *= MISSING_ONE;
      found++;
      offer(score, lexical.methodRank[i]!, nApis + i);
    }
    total[i] = 0;
    hits[i] = 0;
  }

  // APIs: every word matches the API's name or title (through a synonym only for a one-word query: `email`).
  const apiMin = nw === 1 ? 0 : ACTION;
  const apiScore = new Float32Array(nApis);
  const apiWords = new Uint8Array(nApis);
  const apiBest = new Float32Array(nApis);
  for (const exp of expansions) {
    const seen: number[] = [];
    for (let x = 0; x < exp.terms.length; x++) {
      const t = exp.terms[x]!;
      const w = exp.weights[x]!;
      if (w < apiMin) continue;
      for (const [a, weight] of ii.termApis.get(t) ?? []) {
        if (apiBest[a] === 0) seen.push(a);
        apiBest[a] = Math.max(apiBest[a]!, weight * w);
      }
    }
    for (const a of seen) {
      apiScore[a]! += FIELD.method + apiBest[a]!;
      apiWords[a]!++;
      apiBest[a] = 0;
    }
  }
  for (let a = 0; a < nApis; a++)
    if (apiWords[a] === nw) {
      found++;
      offer(apiScore[a]! * apiFactor[a]!, lexical.apiRank[a]!, a);
    }

  const out: SearchHit[] = top.map(({ score, item }) => searchHit(lexical, item, score));
  return { hits: out, total: found };
}
