/**
 * What one token of a query matches, independent of the rest of the query: vocabulary words and APIs with their
 * scores, the verb it names and an estimate of how many methods it can match (the search picks the most selective
 * token by it). Remembered per prepared index, so typing one more character re-scores only the token being typed.
 */
import type { PreparedSearchIndex } from "./prepare";
import { ABBREVIATION, apiTokenScore, isAbbreviation, wordScore } from "./token-score";
import { VERBS } from "./types";

/** What one token matches, independent of the rest of the query. */
export interface TokenMatch {
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

/** Tokens whose matches are remembered per index. */
const RECENT_TOKENS = 64;

/** First position in `p.vocabOrder` whose word is not before `s`, searching from `lo`. */
export function lowerBound(p: PreparedSearchIndex, s: string, lo: number): number {
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
export function tokenMatch(p: PreparedSearchIndex, recent: Map<string, TokenMatch>, t: string): TokenMatch {
  const known = recent.get(t);
  if (known !== undefined) {
    recent.delete(t);
    recent.set(t, known);
    return known;
  }
  const ids: number[] = [];
  const scores: number[] = [];
  const shorter = t.length >= 2 ? recent.get(t.slice(0, -1)) : undefined;
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
  recent.set(t, match);
  if (recent.size > RECENT_TOKENS) recent.delete(recent.keys().next().value!);
  return match;
}
