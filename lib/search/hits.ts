/** What a search returns: API and method hits, and how one is built from the prepared index. */
import { methodPath } from "../routes";
import type { PreparedSearchIndex } from "./prepare";
import { VERBS, type SearchIndexApi } from "./types";

export interface ApiHit {
  readonly kind: "api";
  readonly score: number;
  readonly href: string;
  readonly api: SearchIndexApi;
}

export interface MethodHit {
  readonly kind: "method";
  readonly score: number;
  readonly href: string;
  readonly api: SearchIndexApi;
  readonly id: string;
  readonly verb: string;
  readonly path: string;
  readonly summary: string;
  readonly deprecated: boolean;
}

export type SearchHit = ApiHit | MethodHit;

export interface SearchResults {
  readonly hits: readonly SearchHit[];
  /** Every API and method that matched (hits holds only the best `limit`). */
  readonly total: number;
}

/** The hit for item `item` of the prepared index: APIs first (0 … apis − 1), then methods. */
export function searchHit(p: PreparedSearchIndex, item: number, score: number): SearchHit {
  const nApis = p.index.apis.length;
  if (item < nApis) return { kind: "api", score, href: p.apiHref[item]!, api: p.index.apis[item]! };
  const m = p.index.methods[item - nApis]!;
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
}
