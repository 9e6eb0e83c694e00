/**
 * Relevance of a search function against plain-language intents (./__fixtures__/intents.json): a query passes
 * when one of the methods it means is among the first `k` hits, API hits included (they take a place too). Pure.
 */
import type { SearchHit } from "./query";

export interface Intent {
  readonly q: string;
  /** Method ids the query means (any version of the API counts). */
  readonly want: readonly string[];
}

export interface IntentOutcome {
  readonly q: string;
  /** 1-based position of the first wanted method among the hits, or null when it is not in them. */
  readonly rank: number | null;
  /** What the first `k` hits were, for the report. */
  readonly top: readonly string[];
}

export interface RelevanceReport {
  readonly k: number;
  /** Share of intents with a wanted method in the first `k` hits (0..1). */
  readonly precisionAtK: number;
  readonly outcomes: readonly IntentOutcome[];
}

const label = (h: SearchHit) => (h.kind === "api" ? `API ${h.api.n} ${h.api.v}` : `${h.id} (${h.api.v})`);

export function evaluateIntents(
  intents: readonly Intent[],
  search: (query: string) => readonly SearchHit[],
  k = 3,
): RelevanceReport {
  const outcomes = intents.map(({ q, want }): IntentOutcome => {
    const hits = search(q);
    const at = hits.findIndex((h) => h.kind === "method" && want.includes(h.id));
    return { q, rank: at < 0 ? null : at + 1, top: hits.slice(0, k).map(label) };
  });
  const passed = outcomes.filter((o) => o.rank !== null && o.rank <= k).length;
  return { k, precisionAtK: intents.length === 0 ? 0 : passed / intents.length, outcomes };
}
