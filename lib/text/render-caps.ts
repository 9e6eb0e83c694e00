/**
 * Caps on what one page renders from a Discovery document, so render work and page size do not grow without
 * bound with the input (one 30 MB description took ≈28 s per render and made a 277 MB page). The largest real
 * description in the snapshot is ~9,700 characters and the longest enum 476 values, so real documents are never
 * cut. The document itself is capped on fetch (EXPLORER_MAX_DOCUMENT_BYTES, lib/discovery/sources/http.ts).
 */

/** Characters of one description rendered inline; the rest is one link away (the description route). */
export const MAX_DESCRIPTION_CHARS = 20_000;
/** Enum values listed for one parameter or field. */
export const MAX_ENUM_VALUES = 1_000;

export interface Capped {
  readonly text: string;
  /** Characters (UTF-16 code units) left out; 0 when nothing was. */
  readonly omitted: number;
}

/** The first `max` characters of `text`, never splitting a surrogate pair. */
export function capText(text: string, max: number = MAX_DESCRIPTION_CHARS): Capped {
  if (text.length <= max) return { text, omitted: 0 };
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate whose pair would be cut off
  return { text: text.slice(0, end), omitted: text.length - end };
}

/** The first `max` items, and how many were left out. */
export function capList<T>(
  items: readonly T[],
  max: number = MAX_ENUM_VALUES,
): { items: readonly T[]; omitted: number } {
  return items.length <= max
    ? { items, omitted: 0 }
    : { items: items.slice(0, max), omitted: items.length - max };
}

/** `… (truncated, 29,999,000 characters)`: what the page shows where it stopped. */
export const truncatedNote = (omitted: number, unit = "characters") =>
  `… (truncated, ${omitted.toLocaleString("en-US")} ${unit})`;
