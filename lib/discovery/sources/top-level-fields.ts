/**
 * Reads a few top-level members of a large JSON object from a prefix and a suffix of its text, without parsing
 * the megabytes in between.
 *
 * Why: listing the snapshot needs name/version/title/description of ~300 documents that index.json does not cover
 * (≈55 MB). Google writes top-level keys alphabetically, so `description`…`name` sit before the huge `resources`
 * and `servicePath`/`title`/`version` after the huge `schemas`: a 64 KB head and tail almost always hold them.
 * The scanners are exact JSON tokenisers (string-aware, depth-tracking), so a `"title"` inside a nested schema is
 * never mistaken for the top-level one; when a window runs out they simply stop, and the caller falls back to
 * `JSON.parse` of the whole file.
 */

export type TopLevelValues = Record<string, unknown>;

const WS = new Set([" ", "\t", "\n", "\r"]);

/** Forward scan of `head` (a prefix of an object's JSON text). Values of `wanted` keys that fit are parsed. */
export function scanHead(head: string, wanted: ReadonlySet<string>): TopLevelValues {
  const found: TopLevelValues = {};
  let i = 0;
  const ws = () => {
    while (i < head.length && WS.has(head[i]!)) i++;
  };
  /** Index just past the string starting at i, or -1 if it does not end inside the window. */
  const stringEnd = (at: number) => {
    for (let j = at + 1; j < head.length; j++) {
      const c = head[j];
      if (c === "\\") j++;
      else if (c === '"') return j + 1;
    }
    return -1;
  };
  /** Index just past the value starting at i, or -1. */
  const valueEnd = (at: number): number => {
    const c = head[at];
    if (c === '"') return stringEnd(at);
    if (c !== "{" && c !== "[") {
      const m = /^[-+0-9.eEtruefalsn]+/.exec(head.slice(at, at + 64));
      return m && at + m[0].length < head.length ? at + m[0].length : -1;
    }
    let depth = 0;
    for (let j = at; j < head.length; j++) {
      const d = head[j];
      if (d === '"') {
        j = stringEnd(j) - 1;
        if (j < 0) return -1;
      } else if (d === "{" || d === "[") depth++;
      else if (d === "}" || d === "]") {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  };
  ws();
  if (head[i] !== "{") return found;
  i++;
  for (;;) {
    ws();
    if (head[i] !== '"') return found;
    const keyEnd = stringEnd(i);
    if (keyEnd < 0) return found;
    const key = JSON.parse(head.slice(i, keyEnd)) as string;
    i = keyEnd;
    ws();
    if (head[i] !== ":") return found;
    i++;
    ws();
    const end = valueEnd(i);
    if (end < 0) return found;
    if (wanted.has(key) && !(key in found)) found[key] = JSON.parse(head.slice(i, end));
    i = end;
    ws();
    if (head[i] !== ",") return found;
    i++;
  }
}

/** Backward scan of `tail` (a suffix of an object's JSON text): the members after the last large value. */
export function scanTail(tail: string, wanted: ReadonlySet<string>): TopLevelValues {
  const found: TopLevelValues = {};
  let i = tail.length - 1;
  const ws = () => {
    while (i >= 0 && WS.has(tail[i]!)) i--;
  };
  /** Going backwards outside strings, a `"` always closes a string; its opening quote is the previous `"` that is
   * not escaped (preceded by an even number of backslashes). Returns the opening index, or -1. */
  const stringStart = (closing: number) => {
    for (let j = closing - 1; j >= 0; j--) {
      if (tail[j] !== '"') continue;
      let slashes = 0;
      for (let k = j - 1; k >= 0 && tail[k] === "\\"; k--) slashes++;
      if (slashes % 2 === 0) return j;
    }
    return -1;
  };
  ws();
  if (tail[i] !== "}") return found;
  i--;
  for (;;) {
    ws();
    const valueLast = i;
    let valueStart: number;
    if (tail[i] === '"') valueStart = stringStart(i);
    else {
      // Scalars only (numbers, true/false/null); a nested object/array ends the scan.
      const m = /[-+0-9.eEtruefalsn]+$/.exec(tail.slice(Math.max(0, i - 63), i + 1));
      valueStart = m ? i - m[0].length + 1 : -1;
    }
    if (valueStart < 0) return found;
    i = valueStart - 1;
    ws();
    if (tail[i] !== ":") return found;
    i--;
    ws();
    if (tail[i] !== '"') return found;
    const keyStart = stringStart(i);
    if (keyStart < 0) return found;
    const key = JSON.parse(tail.slice(keyStart, i + 1)) as string;
    if (wanted.has(key) && !(key in found)) found[key] = JSON.parse(tail.slice(valueStart, valueLast + 1));
    i = keyStart - 1;
    ws();
    if (tail[i] !== ",") return found;
    i--;
  }
}
