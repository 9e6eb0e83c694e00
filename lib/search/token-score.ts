/**
 * How one token scores against one word and against one API, and the fixed bonuses of the ranking (see the rules in
 * ./query.ts). Shared by the inverted-index path and the per-method rules, so both give the same numbers.
 */
import type { PreparedSearchIndex } from "./prepare";

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
export function wordScore(token: string, word: string): number {
  if (word === token) return 30;
  if (word.startsWith(token)) return 18 + (10 * token.length) / word.length;
  return 0;
}

/** How a token matches an API (for API hits, and as a fallback for its methods). */
export function apiTokenScore(p: PreparedSearchIndex, a: number, t: string): number {
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

export const API_BONUS = 25;
/** Score of an abbreviation match (`yt` → youtube); below any prefix match. */
export const ABBREVIATION = 7;
export const EXACT_ID = 1000;
export const ID_PREFIX = 500;
export const ID_RUN = 300;
