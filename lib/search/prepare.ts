/**
 * Preparing the search index for queries (./query.ts): lowercase haystacks (id segments, camelCase word starts,
 * paths, summaries, API names and title words), a static tie-break rank, a sorted vocabulary and an inverted index
 * (word → methods, text → methods, API → methods, verb → methods), all in flat typed arrays. Pure; done once per
 * page session when the palette loads the index.
 */
import { compareVersions } from "../discovery/directory";
import { apiPath } from "../routes";
import { createInterner } from "./interner";
import { VERBS, type SearchIndex } from "./types";
import { isStable, versionFactors } from "./versions";

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
  /**
   * Per method: DEPRECATED, and IRREGULAR_ID when its lowercase id's dotted parts are not its segment words (only
   * possible with context-dependent lowercasing, e.g. a Greek final sigma): its id bonus is then found on the string.
   */
  readonly methodBits: Uint8Array;
  /** Word ids in lexicographic order of their words (a token's prefix matches are one binary-searched range). */
  readonly vocabOrder: Int32Array;
  /** Per first UTF-16 unit of a token: the APIs a token starting with it can match (name, words, version). */
  readonly apisByFirstChar: ReadonlyMap<number, Int32Array>;
  /**
   * The inverted index, flat lists with offsets (ascending ids, each id once per list; Uint16Array while ids fit).
   * Per vocab word, the methods having it as: an id segment that earns no method-name bonus (`wordSeg…`), the last
   * segment of a dotted id (`wordLastSeg…`), a camelCase word start but no segment (`wordSub…`), a path word but
   * neither (`wordPath…`); and the summary texts containing it (`wordText…`). Per text, API and verb (index into
   * VERBS): their methods.
   */
  readonly wordSegStart: Int32Array;
  readonly wordSegMethods: Postings;
  readonly wordLastSegStart: Int32Array;
  readonly wordLastSegMethods: Postings;
  readonly wordSubStart: Int32Array;
  readonly wordSubMethods: Postings;
  readonly wordPathStart: Int32Array;
  readonly wordPathMethods: Postings;
  readonly wordTextStart: Int32Array;
  readonly wordTexts: Postings;
  /** Per vocab word: how many methods its texts have (for candidate-count estimates). */
  readonly wordTextMethodCount: Int32Array;
  readonly textMethodStart: Int32Array;
  readonly textMethods: Postings;
  readonly apiMethodStart: Int32Array;
  readonly apiMethods: Postings;
  readonly verbMethodStart: Int32Array;
  readonly verbMethods: Postings;
}

/** A list of ids: 16 bits each while every id fits (the real index has ~28k methods), else 32. */
export type Postings = Uint16Array | Int32Array;

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

export const postings = (length: number, maxId: number): Postings =>
  maxId <= 0xffff ? new Uint16Array(length) : new Int32Array(length);

/**
 * Groups ids `0..count-1` by a key in `0..nKeys-1` (a counting sort): offsets per key and the ids, ascending
 * within a key. Ids whose key is out of range (-1) are left out.
 */
function groupIds(nKeys: number, count: number, keyOf: (id: number) => number) {
  const keys = new Int32Array(count);
  const start = new Int32Array(nKeys + 1);
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    keys[i] = Number.isInteger(key) && key >= 0 && key < nKeys ? key : -1;
    if (keys[i]! >= 0) start[keys[i]! + 1]!++;
  }
  for (let k = 0; k < nKeys; k++) start[k + 1]! += start[k]!;
  const items = postings(start[nKeys]!, count - 1);
  const fill = start.slice(0, nKeys);
  for (let i = 0; i < count; i++) if (keys[i]! >= 0) items[fill[keys[i]!]!++] = i;
  return { start, items };
}

/** Per item, its word ids: flat, with offsets (item `i` has `words[start[i]..start[i + 1]-1]`). */
interface WordLists {
  readonly start: Int32Array;
  readonly words: Int32Array;
}

/**
 * Per word (`0..nv-1`), the items (`0..count-1`, ascending, each once) that list it in one of `emit`, except those
 * that list it in one of `block`. Two passes (count, then fill): a counting sort.
 */
function invertWords(
  nv: number,
  count: number,
  emit: readonly WordLists[],
  block: readonly WordLists[] = [],
) {
  const start = new Int32Array(nv + 1);
  const seen = new Int32Array(nv);
  let items: Postings = postings(0, 0);
  let fill = start;
  for (const filling of [false, true]) {
    seen.fill(-1);
    for (let item = 0; item < count; item++) {
      for (const { start: s, words } of block)
        for (let j = s[item]!, end = s[item + 1]!; j < end; j++) seen[words[j]!] = item;
      for (const { start: s, words } of emit)
        for (let j = s[item]!, end = s[item + 1]!; j < end; j++) {
          const w = words[j]!;
          if (seen[w] === item) continue;
          seen[w] = item;
          if (filling) items[fill[w]!++] = item;
          else start[w + 1]!++;
        }
    }
    if (!filling) {
      for (let w = 0; w < nv; w++) start[w + 1]! += start[w]!;
      items = postings(start[nv]!, count - 1);
      fill = start.slice(0, nv);
    }
  }
  return { start, items };
}

/** Bits of `methodBits`. */
export const DEPRECATED = 1;
export const IRREGULAR_ID = 2;

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
  const apiHrefs = index.apis.map((a) => apiPath(a.n, a.v));

  const words = createInterner();
  const vocab = words.values;
  const wordId = (w: string): number => words.id(w);
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

  // Static order for ties: preferred version (./versions.ts: a stable one may take over from a pre-release the
  // directory prefers), stable version, not deprecated, shorter id, alphabetical, API order.
  const factors = versionFactors(index);
  const pref = index.apis.map((_, a) => (factors[a] === 1 ? 0 : 1));
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

  // The inverted index (see PreparedSearchIndex).
  const nv = vocab.length;
  const seg = segWords.done();
  const sub = subWords.done();
  const path = pathWords.done();
  const text = textWords.done();
  // Segments split by whether they earn the method-name bonus (the last of two or more) or not.
  const plainSegs = new IntList();
  const lastSegs = new IntList();
  const plainStart = new Int32Array(n + 1);
  const lastStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    plainStart[i] = plainSegs.length;
    lastStart[i] = lastSegs.length;
    const first = segStart[i]!;
    const last = segStart[i + 1]! - 1;
    for (let j = first; j <= last; j++) (j === last && j > first ? lastSegs : plainSegs).push(seg[j]!);
  }
  plainStart[n] = plainSegs.length;
  lastStart[n] = lastSegs.length;
  const segLists = { start: segStart, words: seg };
  const subLists = { start: subStart, words: sub };
  const bySeg = invertWords(nv, n, [{ start: plainStart, words: plainSegs.done() }]);
  const byLastSeg = invertWords(nv, n, [{ start: lastStart, words: lastSegs.done() }]);
  const bySub = invertWords(nv, n, [subLists], [segLists]);
  const byPath = invertWords(nv, n, [{ start: pathStart, words: path }], [segLists, subLists]);
  const byText = invertWords(nv, index.texts.length, [{ start: textStart, words: text }]);
  const textMethods = groupIds(index.texts.length, n, (i) => index.methods[i]![4]);
  const wordTextMethodCount = new Int32Array(nv);
  for (let w = 0; w < nv; w++)
    for (let j = byText.start[w]!, end = byText.start[w + 1]!; j < end; j++) {
      const t = byText.items[j]!;
      wordTextMethodCount[w]! += textMethods.start[t + 1]! - textMethods.start[t]!;
    }
  // Keyed exactly as the scorer reads them (methodApi, verbLower), so each group is what its rule can match.
  const apiMethods = groupIds(index.apis.length, n, (i) => methodApi[i]!);
  const verbsLower = VERBS.map((v) => v.toLowerCase());
  const verbMethods = groupIds(VERBS.length, n, (i) => verbsLower.indexOf(verbLower[i]!));
  const methodBits = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (index.methods[i]![5] === 1) methodBits[i]! |= DEPRECATED;
    const id = idLower[i]!;
    if (!/^[\x00-\x7f]*$/.test(id)) {
      const parts = id.split(".");
      if (
        parts.length !== segStart[i + 1]! - segStart[i]! ||
        parts.some((s, j) => s !== vocab[seg[segStart[i]! + j]!])
      )
        methodBits[i]! |= IRREGULAR_ID;
    }
  }
  // The default sort compares UTF-16 code units, as `<` does.
  const vocabOrder = Int32Array.from([...vocab].sort(), wordId);
  // Every way apiTokenScore can be > 0 needs the token's first character to start one of these words.
  const apiLists = new Map<number, number[]>();
  index.apis.forEach((_, a) => {
    const words = [apiName[a]!, apiVersion[a]!, ...apiSubwords[a]!, ...apiTitleWords[a]!];
    for (const c of new Set(words.filter((w) => w.length > 0).map((w) => w.charCodeAt(0)))) {
      const list = apiLists.get(c);
      if (list === undefined) apiLists.set(c, [a]);
      else list.push(a);
    }
  });
  const apisByFirstChar = new Map([...apiLists].map(([c, list]) => [c, Int32Array.from(list)]));

  return {
    index,
    apiName,
    apiSubwords,
    apiTitleWords,
    apiVersion,
    apiHref: apiHrefs,
    vocab,
    segStart,
    segWords: seg,
    subStart,
    subWords: sub,
    pathStart,
    pathWords: path,
    methodApi,
    idLower,
    verbLower,
    textStart,
    textWords: text,
    apiRank,
    methodRank,
    methodBits,
    vocabOrder,
    apisByFirstChar,
    wordSegStart: bySeg.start,
    wordSegMethods: bySeg.items,
    wordLastSegStart: byLastSeg.start,
    wordLastSegMethods: byLastSeg.items,
    wordSubStart: bySub.start,
    wordSubMethods: bySub.items,
    wordPathStart: byPath.start,
    wordPathMethods: byPath.items,
    wordTextStart: byText.start,
    wordTexts: byText.items,
    wordTextMethodCount,
    textMethodStart: textMethods.start,
    textMethods: textMethods.items,
    apiMethodStart: apiMethods.start,
    apiMethods: apiMethods.items,
    verbMethodStart: verbMethods.start,
    verbMethods: verbMethods.items,
  };
}
