/**
 * What a person means by the words of a query, for ./intent.ts: a light stemmer, stop words, typo tolerance and a
 * small synonym table of Google-API vocabulary. Pure data and small functions.
 */

/**
 * The S-stemmer: plurals to singular, so `emails` meets `email` and `files` meets `file`. Applied alike to the
 * index's words and the query's, so it only has to be consistent, not grammatical.
 * @see https://doi.org/10.1002/(SICI)1097-4571(199101)42:1%3C7::AID-ASI2%3E3.0.CO;2-P (Harman, "How effective is
 * suffixing?", 1991: ies → y, es → e, s → "", except after a, e, u, s)
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies"))
    return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith("s") && !/[us]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Words that say nothing about which method is meant (`list my files`, `append rows to a spreadsheet`). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an the to of for in on into from with by and or my me i our your it its this that some using via how do can".split(
    " ",
  ),
);

/**
 * Phrases read as other words before the query is split (they mean a method whose words are different).
 * Keys are lowercase, matched on word boundaries.
 */
export const PHRASES: readonly (readonly [phrase: string, means: string])[] = [
  ["speech to text", "speech recognize"],
  ["text to speech", "texttospeech synthesize"],
  ["free busy", "freebusy"],
];

/**
 * The synonym table: a query word (as typed, else its stem: `emails` finds `email`) → other words that name the same thing in Google APIs' ids, paths and
 * descriptions. Small on purpose: each entry is vocabulary a developer uses for a resource that the APIs call
 * otherwise (email → Gmail's messages; a VM → Compute Engine's instances). Matching one counts less than matching
 * the word itself.
 */
export const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["email", ["gmail", "message", "mail"]],
  ["mail", ["gmail", "message", "email"]],
  ["inbox", ["gmail", "message"]],
  ["sheet", ["sheets", "spreadsheet", "value"]],
  ["spreadsheet", ["sheets", "value"]],
  ["cell", ["value", "sheets"]],
  ["row", ["value", "tabledata"]],
  ["file", ["drive", "object"]],
  ["folder", ["drive", "file"]],
  ["doc", ["docs", "document"]],
  ["document", ["docs"]],
  ["vm", ["compute", "instance"]],
  ["vms", ["compute", "instance"]],
  ["machine", ["compute", "instance"]],
  ["server", ["compute", "instance"]],
  ["video", ["youtube"]],
  ["contact", ["people", "connection"]],
  ["event", ["calendar"]],
  ["meeting", ["calendar", "event"]],
  ["todo", ["tasks", "task"]],
  ["kubernetes", ["container", "cluster"]],
  ["k8s", ["container", "cluster"]],
  ["gke", ["container", "cluster"]],
  ["kms", ["cloudkms"]],
  ["ocr", ["vision", "annotate"]],
  ["image", ["vision"]],
  ["log", ["logging", "entry"]],
  ["sql", ["query", "sqladmin"]],
  ["share", ["permission"]],
  ["analysis", ["analyze"]],
  ["secret", ["secretmanager"]],
]);

/**
 * Actions the APIs name differently (create ↔ insert, read → get, remove → delete): nearly the word itself, since
 * methods use one or the other for the same thing.
 */
export const ACTIONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["create", ["insert", "add"]],
  ["add", ["insert", "create"]],
  ["new", ["insert", "create"]],
  ["make", ["insert", "create"]],
  ["insert", ["create", "add"]],
  ["read", ["get", "batchget"]],
  ["fetch", ["get"]],
  ["retrieve", ["get"]],
  ["show", ["get"]],
  ["view", ["get"]],
  ["remove", ["delete"]],
  ["erase", ["delete"]],
  ["edit", ["update", "patch"]],
  ["modify", ["update", "patch"]],
  ["change", ["update", "patch"]],
  ["enumerate", ["list"]],
  ["find", ["search", "list"]],
  ["write", ["update", "insert", "create"]],
]);

/**
 * Whether `a` and `b` are at most `max` edits apart (insert, delete, substitute, or swap two neighbours: the
 * optimal-string-alignment distance), cut short as soon as they cannot be. For typo tolerance.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const n = b.length;
  let prev2 = new Int32Array(n + 1);
  let prev = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]! <= max;
}

/** Edits a typo may have: none under 5 letters (too many short words are one edit apart), 1 from 5, 2 from 9. */
export const typoBudget = (word: string): number => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);

/** Words of a query that count (each costs a scan of the vocabulary for typos; nobody types more to mean one method). */
export const MAX_WORDS = 8;

/** A query as the words that carry meaning: phrases rewritten, split like ids, stop words dropped, MAX_WORDS kept. */
export function intentWords(query: string): string[] {
  let q = ` ${query
    .slice(0, 400)
    .toLowerCase()
    .replace(/[\s./:{}+,()"'`*?_-]+/g, " ")} `;
  for (const [phrase, means] of PHRASES) q = q.split(` ${phrase} `).join(` ${means} `);
  return q
    .split(" ")
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
    .slice(0, MAX_WORDS);
}

/** A table's entry for a query word: the word as typed, else its stem. */
export const lookUp = (table: ReadonlyMap<string, readonly string[]>, word: string): readonly string[] =>
  table.get(word) ?? table.get(stem(word)) ?? [];
