/**
 * One uncached query over the prepared index: the candidates of the most selective token, filtered and scored by the
 * others (through the inverted index or by the per-method rules, whichever is cheaper), the dotted-id bonus, and the
 * best `limit` kept (./top-k.ts). The caches around it are in ./query.ts.
 */
import { collect, SEG_PREFIX, tokenScore } from "./collect";
import { searchHit, type SearchHit, type SearchResults } from "./hits";
import { DEPRECATED, IRREGULAR_ID, postings, type Postings, type PreparedSearchIndex } from "./prepare";
import { ABBREVIATION, API_BONUS, EXACT_ID, ID_PREFIX, ID_RUN } from "./token-score";
import { tokenMatch, type TokenMatch } from "./token-match";
import { topK } from "./top-k";

/** What a query reuses from the previous ones on the same index (./query.ts keeps it per prepared index). */
export interface RunState {
  /** Recently seen tokens' matches (least recently used first): typing re-scores only the token being typed. */
  readonly tokens: Map<string, TokenMatch>;
  /** Scratch for `runQuery`: per method lists and (all zero between queries) flags and best scores; tables. */
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

/** Queries of up to this many tokens reuse the per-word and per-text tables of the previous ones. */
const SCRATCH_TOKENS = 6;
/**
 * Tuning (both strategies give the same results; tests force each). A token other than the picked one is scored
 * through the inverted index when its lists are shorter than `postingsPerCandidate` entries per live candidate,
 * else per candidate method (merging a list entry costs a few ns; the per-method rules some 100 ns).
 */
export const searchTuning = { postingsPerCandidate: 32 };

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
export function runQuery(
  p: PreparedSearchIndex,
  st: RunState,
  tokens: readonly string[],
  limit: number,
): SearchResults {
  const dotted = tokens.join(".");
  const nt = tokens.length;
  const nApis = p.apiName.length;
  const methods = p.index.methods;
  const n = methods.length;
  // Per API and token (row-major): the API-level score, 0 unless the token's match lists it.
  const matches = tokens.map((t) => tokenMatch(p, st.tokens, t));
  const apiTok = new Float64Array(nApis * nt);
  for (let k = 0; k < nt; k++) {
    const { apis, apiScores } = matches[k]!;
    for (let x = 0; x < apis.length; x++) apiTok[apis[x]! * nt + k] = apiScores[x]!;
  }

  const top = topK(limit);
  const offer = top.offer;

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

  const hits: SearchHit[] = top.item.map((item, r) => searchHit(p, item, top.score[r]!));
  return { hits, total: top.total() };
}
