/**
 * The two well-kept libraries the hand-written search (lib/search/search.ts) is measured against, for
 * scripts/bench-search.ts: MiniSearch and FlexSearch, each fed the same index rows and, where the library can take
 * them, the same stemmer, stop words, phrases and synonyms (lib/search/intents.ts), field weights, typo tolerance
 * and prefix of the word being typed. Benchmark code only: the app does not load either.
 */
import { Index } from "flexsearch";
import MiniSearch, { type Query } from "minisearch";
import { methodPath } from "../lib/routes";
import { ACTIONS, intentWords, lookUp, stem, SYNONYMS, typoBudget } from "../lib/search/intents";
import { FIELD } from "../lib/search/intent";
import type { SearchHit } from "../lib/search/query";
import { VERBS, type SearchIndex } from "../lib/search/types";
import { versionFactors } from "../lib/search/versions";

export interface Candidate {
  readonly name: string;
  /** Milliseconds to index everything (what the browser would spend after loading the index). */
  readonly prepareMs: number;
  search(query: string, limit: number): SearchHit[];
}

/** Words of an id, path or text: whole parts and camelCase words, lowercase. */
const words = (s: string): string[] =>
  s
    .split(/[^A-Za-z0-9]+/)
    .flatMap((w) => [w, ...w.split(/(?<=[a-z0-9])(?=[A-Z])/)])
    .filter(Boolean)
    .map((w) => w.toLowerCase());

interface Row {
  id: number;
  name: string;
  resources: string;
  api: string;
  path: string;
  summary: string;
}

function rows(index: SearchIndex): Row[] {
  const uploads = new Set(index.uploads);
  return index.methods.map(([api, id, , path, text], i) => {
    const segs = id.split(".");
    const a = index.apis[api]!;
    return {
      id: i,
      name: `${segs.at(-1)!}${uploads.has(i) ? " upload" : ""}`,
      resources: segs.slice(1, -1).join(" "),
      api: `${segs[0]} ${a.n} ${a.t}`,
      path,
      summary: index.texts[text] ?? "",
    };
  });
}

function methodHit(index: SearchIndex, i: number, score: number): SearchHit {
  const m = index.methods[i]!;
  const api = index.apis[m[0]]!;
  return {
    kind: "method",
    score,
    href: methodPath(api.n, api.v, m[1]),
    api,
    id: m[1],
    verb: VERBS[m[2]] ?? "GET",
    path: m[3],
    summary: index.texts[m[4]] ?? "",
    deprecated: m[5] === 1,
  };
}

/** Each query word OR its synonyms; all words must match (AND); the last one also as a prefix. */
export function miniSearch(index: SearchIndex): Candidate {
  const factors = versionFactors(index);
  const t0 = performance.now();
  const ms = new MiniSearch<Row>({
    fields: ["name", "resources", "api", "path", "summary"],
    tokenize: words,
    processTerm: (t) => stem(t.toLowerCase()),
  });
  ms.addAll(rows(index));
  const prepareMs = performance.now() - t0;
  return {
    name: "MiniSearch 7",
    prepareMs,
    search(query, limit) {
      const ws = intentWords(query);
      if (ws.length === 0) return [];
      const typing = !/\s$/.test(query);
      const q: Query = {
        combineWith: "AND",
        queries: ws.map((w, k) => ({
          combineWith: "OR",
          prefix: typing && k === ws.length - 1 && w.length >= 3,
          queries: [w, ...lookUp(SYNONYMS, w), ...lookUp(ACTIONS, w)],
        })),
      };
      return ms
        .search(q, {
          boost: {
            name: FIELD.method,
            resources: FIELD.resource,
            api: FIELD.api,
            path: FIELD.path,
            summary: FIELD.summary,
          },
          fuzzy: (term) => typoBudget(term) || false,
          boostDocument: (id: number) => {
            const m = index.methods[id]!;
            return factors[m[0]]! * (m[5] === 1 ? 0.85 : 1);
          },
        })
        .slice(0, limit)
        .map((r) => methodHit(index, r.id as number, r.score));
    },
  };
}

/**
 * FlexSearch's own ranking (by where words occur, no field weights): one text per method, stemmed like ours,
 * `forward` tokenizing (prefixes), `suggest` (so a word that matches nothing does not empty the results).
 * Synonyms are appended to the query words (FlexSearch has no OR within a query).
 */
export function flexSearch(index: SearchIndex): Candidate {
  const t0 = performance.now();
  const ix = new Index({ tokenize: "forward", resolution: 9 });
  const text = (s: string) => words(s).map(stem).join(" ");
  for (const r of rows(index))
    ix.add(r.id, [r.name, r.resources, r.api, r.path, r.summary].map(text).join(" "));
  const prepareMs = performance.now() - t0;
  return {
    name: "FlexSearch 0.8",
    prepareMs,
    search(query, limit) {
      const ws = intentWords(query).flatMap((w) =>
        [w, ...lookUp(SYNONYMS, w), ...lookUp(ACTIONS, w)].map(stem),
      );
      if (ws.length === 0) return [];
      const ids = ix.search(ws.join(" "), { limit, suggest: true }) as number[];
      return ids.map((id, r) => methodHit(index, id, limit - r));
    },
  };
}
