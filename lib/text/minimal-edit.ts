/**
 * The smallest single replacement that turns one text into another: the common prefix and suffix stay, the middle
 * is replaced. The code panel regenerates the whole snippet on every keystroke, but usually one line changes;
 * handing the editor only that replacement keeps its re-tokenising and redrawing to the lines that changed.
 *
 * Offsets are UTF-16 code unit indexes (what editors and `String.prototype.slice` use). A prefix or suffix never
 * ends between the two halves of a surrogate pair, so the replaced text is always well-formed.
 */
export interface TextEdit {
  /** Start of the replaced range in the old text. */
  readonly start: number;
  /** End (exclusive) of the replaced range in the old text. */
  readonly end: number;
  /** What replaces it. */
  readonly text: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** null when the texts are equal. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Do not split a surrogate pair: back off so the pair lies in the replaced part.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const room = max - prefix;
  while (
    suffix < room &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    start: prefix,
    end: before.length - suffix,
    text: after.slice(prefix, after.length - suffix),
  };
}

/** Applies an edit (the inverse of minimalEdit; used by its tests and usable as a reference). */
export function applyEdit(text: string, edit: TextEdit | null): string {
  return edit === null ? text : text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
