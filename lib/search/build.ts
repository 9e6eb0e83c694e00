/**
 * Building the search index from API models: pure, no IO (./load.ts feeds it on the server).
 */
import { decodeEntities } from "@/lib/html/entities";
import { createInterner } from "./interner";
import {
  SEARCH_INDEX_FORMAT,
  VERBS,
  type SearchIndex,
  type SearchIndexApi,
  type SearchIndexMethod,
  type SearchSourceApi,
} from "./types";

/** Longest summary kept per method, in characters (the palette shows one line). */
export const SUMMARY_MAX = 120;

/**
 * Plain text of a description, for display as text (never as HTML): tags dropped, markdown links and code marks
 * reduced to their text, entities decoded, whitespace collapsed.
 */
export function toPlainText(input: string): string {
  return decodeEntities(
    input
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<\/?[a-z][^<>]*>/gi, " ")
      .replace(/\[([^\]\n]*)\]\([^)\s]*\)/g, "$1")
      .replace(/`+/g, "")
      .replace(/(^|\s)[*#]+\s/g, "$1"),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first sentence of a description as plain text, at most `max` characters (cut at a word, with "…").
 * A sentence ends at ". " (or "! " / "? ") or at a blank line; abbreviations like "e.g. " are not ends.
 */
export function summarize(description: string, max = SUMMARY_MAX): string {
  // Only the start matters: cap the work on long descriptions (some are many kilobytes).
  const head = description.slice(0, 4 * max + 200).split(/\n\s*\n/)[0] ?? "";
  const text = toPlainText(head);
  const end = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|ex))[.!?](?=\s+[A-Z0-9"'(`[])/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const atWord = cut.replace(/[\s,;:]+\S*$/, "");
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}

/**
 * The entries without aliases: of entries naming the same document (`documentId`), the one whose own
 * `name:version` is that id is kept (else the first); the others are dropped. Order is kept.
 */
export function withoutAliases(entries: readonly SearchSourceApi[]): SearchSourceApi[] {
  const keep = new Map<string, SearchSourceApi>();
  for (const e of entries) {
    if (e.documentId === undefined) continue;
    const kept = keep.get(e.documentId);
    if (
      kept === undefined ||
      (`${e.name}:${e.version}` === e.documentId && `${kept.name}:${kept.version}` !== e.documentId)
    )
      keep.set(e.documentId, e);
  }
  return entries.filter((e) => e.documentId === undefined || keep.get(e.documentId) === e);
}

/**
 * The index of every given API version and its methods (aliases of one document once, see `withoutAliases`);
 * APIs keep the given order, methods are sorted by id.
 */
export function buildSearchIndex(
  entries: readonly SearchSourceApi[],
  meta: { readonly source: string; readonly builtAt?: string; readonly skipped?: readonly string[] },
): SearchIndex {
  const apis: SearchIndexApi[] = [];
  const methods: SearchIndexMethod[] = [];
  const uploads: number[] = [];
  const summaries = createInterner();
  const texts = summaries.values;
  const textId = (s: string): number => summaries.id(s);
  for (const entry of withoutAliases(entries)) {
    const api = apis.length;
    apis.push({
      n: entry.name,
      v: entry.version,
      t: toPlainText(entry.title) || entry.name,
      p: entry.preferred ? 1 : 0,
    });
    const sorted = [...entry.methods].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const m of sorted) {
      const verb = Math.max(0, VERBS.indexOf(m.httpMethod));
      if (m.supportsMediaUpload === true) uploads.push(methods.length);
      methods.push([
        api,
        m.id,
        verb,
        m.flatPath ?? m.path,
        textId(summarize(m.description)),
        m.deprecated ? 1 : 0,
      ]);
    }
  }
  return {
    format: SEARCH_INDEX_FORMAT,
    source: meta.source,
    builtAt: meta.builtAt ?? new Date().toISOString(),
    apis,
    texts,
    methods,
    uploads,
    skipped: [...(meta.skipped ?? [])],
  };
}

/** Structural check of an index read back from disk or the network (cheap: shape of the top and first rows). */
export function isSearchIndex(value: unknown): value is SearchIndex {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<keyof SearchIndex, unknown>>;
  if (v.format !== SEARCH_INDEX_FORMAT || typeof v.source !== "string") return false;
  if (!Array.isArray(v.apis) || !Array.isArray(v.methods) || !Array.isArray(v.texts)) return false;
  if (!Array.isArray(v.uploads)) return false;
  const m = v.methods[0] as unknown;
  return m === undefined || (Array.isArray(m) && m.length === 6 && typeof m[1] === "string");
}
