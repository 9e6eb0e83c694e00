/**
 * Listing through the inverted index: every method one token matches, with its best score and which fallbacks
 * apply (flags), exactly as the per-method rules in ./run-query.ts would score it.
 */
import type { Postings, PreparedSearchIndex } from "./prepare";
import { ABBREVIATION } from "./token-score";
import type { TokenMatch } from "./token-match";

/** Flags per method set by `collect`. */
export const IN_SET = 1;
/** An id segment starts with the token (a necessary condition for the dotted-id bonuses of token 0). */
export const SEG_PREFIX = 2;
export const VERB_HIT = 4;
export const PATH_HIT = 8;
export const TEXT_HIT = 16;

/**
 * Through the inverted index: every method that matches token `t` (its `match`), listed once in `list` (returns how
 * many), with `best[i]` its best score from segments (with the method-name bonus), camelCase words and its API —
 * the per-method rules' maximum (they only skip values that cannot win: a camelCase word scores at most 18 and an
 * API at most 30, once a segment scored 30 or more) — and `flags[i]` saying which fallbacks apply (VERB_HIT,
 * PATH_HIT, TEXT_HIT) and whether an id segment starts with the token (SEG_PREFIX). `flags` and `best` must be all
 * zero on entry; the caller resets the listed methods' entries after use.
 */
export function collect(
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
export const tokenScore = (flags: number, best: number): number =>
  best > 0 ? best : flags & VERB_HIT ? 12 : flags & PATH_HIT ? 5 : flags & TEXT_HIT ? 2 : 0;
