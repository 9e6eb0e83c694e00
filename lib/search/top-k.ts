/**
 * The best `limit` of a stream of (score, rank, item): parallel arrays sorted best-first by (score desc, rank asc),
 * a binary-searched insert, never a sort of everything offered. Ranks are unique, so the outcome does not depend on
 * the order of the offers.
 */
export interface TopK {
  readonly score: readonly number[];
  readonly rank: readonly number[];
  /** API index, or number of APIs + method index. */
  readonly item: readonly number[];
  /** How many were offered (every match, not only the kept ones). */
  readonly total: () => number;
  readonly offer: (score: number, rank: number, item: number) => void;
}

export function topK(limit: number): TopK {
  const topScore: number[] = [];
  const topRank: number[] = [];
  const topItem: number[] = [];
  let total = 0;
  const offer = (score: number, rank: number, item: number): void => {
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
  return { score: topScore, rank: topRank, item: topItem, total: () => total, offer };
}
