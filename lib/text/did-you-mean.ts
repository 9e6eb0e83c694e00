/**
 * "Did you mean": the known ids nearest to one that was not found, by edit distance. Pure.
 *
 * Case is ignored (`youtube.Channels.List`), and an id typed without its API prefix (`channels.lst` for
 * `youtube.channels.list`) is compared with the candidates' unprefixed ids too. Only candidates within
 * `maxDistance(query)` edits are offered — a third of the query's length, at least 2 — so a wild guess gets no
 * nonsense suggestions.
 */

/** Levenshtein distance (insert, delete, substitute; cost 1 each), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, substitute);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

export function maxDistance(query: string): number {
  return Math.max(2, Math.floor(query.length / 3));
}

/** Up to `limit` candidates nearest to `query`, nearest first (ties: shorter, then alphabetical). */
export function nearestIds(candidates: readonly string[], query: string, limit = 5): string[] {
  const q = query.toLowerCase();
  const allowed = maxDistance(q);
  const scored: { id: string; d: number }[] = [];
  for (const id of candidates) {
    const lower = id.toLowerCase();
    const unprefixed = lower.slice(lower.indexOf(".") + 1);
    const d = Math.min(editDistance(q, lower), editDistance(q, unprefixed));
    if (d <= allowed) scored.push({ id, d });
  }
  return scored
    .sort((x, y) => x.d - y.d || x.id.length - y.id.length || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, limit)
    .map((s) => s.id);
}
