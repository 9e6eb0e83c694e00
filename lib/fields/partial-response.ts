/**
 * Google's partial-response syntax (the `fields` standard parameter): `nextPageToken,files(id,name)`, with `/` for
 * a sub-field (`items/snippet/title`) and `( )` for several sub-fields of one field. Pure.
 *
 * The parser keeps each name's position so a checker can point at the exact character; the tree form (FieldTree)
 * is what the picker ticks, merged so `files(id),files(name)` and `files(id,name)` are the same selection.
 *
 * @see https://developers.google.com/drive/api/guides/fields-parameter
 * @see https://cloud.google.com/apis/docs/system-parameters (fields)
 */

/** One name in the text, with its half-open [start, end) offsets. */
export interface FieldName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** `a/b/c(sub…)`: a path of names and an optional parenthesised sub-selection of the last one. */
export interface FieldSelection {
  readonly path: readonly FieldName[];
  readonly sub?: readonly FieldSelection[];
}

export interface FieldsSyntaxError {
  readonly message: string;
  /** Offset of the offending character (the text's length for "unexpected end"). */
  readonly position: number;
}

export type FieldsParse =
  | { readonly ok: true; readonly selections: readonly FieldSelection[] }
  | { readonly ok: false; readonly error: FieldsSyntaxError };

/**
 * A selection as a tree: each key a field, its value the sub-selection. An empty map means "the whole field"
 * (every sub-field), so selecting a whole field absorbs any sub-selection of it.
 */
export type FieldTree = ReadonlyMap<string, FieldTree>;

/** Field names: JSON property names as Discovery spells them (letters, digits, `_`, `$`, `-`, `.`, `@`), or `*`. */
const NAME_CHARS = "A-Za-z0-9_$\\-.@";
const NAME_CHAR = new RegExp(`[${NAME_CHARS}*]`);
const NAME = new RegExp(`^[${NAME_CHARS}]+$|^\\*$`);

/**
 * The wildcard: every field at its level. Under a map (`additionalProperties`) it selects into every value whatever
 * its key: compute's aggregated lists key `items` by `zones/us-central1-a`, which cannot be spelled as a name.
 */
export const ANY_FIELD = "*";

/** Whether `name` can be written in a `fields` value as one path segment. */
export function isFieldName(name: string): boolean {
  return NAME.test(name);
}

class SyntaxErr extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function describe(text: string, i: number): string {
  return i >= text.length ? "the end of the value" : `"${text[i]}"`;
}

/** Parses a `fields` value. Whitespace is not allowed (Google rejects it); the empty text is no selection. */
export function parseFields(text: string): FieldsParse {
  let i = 0;
  const name = (): FieldName => {
    const start = i;
    while (i < text.length && NAME_CHAR.test(text[i] ?? "")) i++;
    if (i === start) throw new SyntaxErr(`Expected a field name at ${describe(text, i)}.`, i);
    return { name: text.slice(start, i), start, end: i };
  };
  const selection = (): FieldSelection => {
    const path = [name()];
    while (text[i] === "/") {
      i++;
      path.push(name());
    }
    if (text[i] !== "(") return { path };
    const open = i;
    i++;
    const sub = list();
    if (text[i] !== ")")
      throw new SyntaxErr(
        i >= text.length
          ? `The "(" at position ${open + 1} is never closed.`
          : `Expected "," or ")" at ${describe(text, i)}.`,
        i,
      );
    i++;
    return { path, sub };
  };
  const list = (): FieldSelection[] => {
    const out = [selection()];
    while (text[i] === ",") {
      i++;
      out.push(selection());
    }
    return out;
  };
  if (text === "") return { ok: true, selections: [] };
  try {
    const selections = list();
    if (i < text.length)
      throw new SyntaxErr(
        text[i] === ")" ? `Unmatched ")" at position ${i + 1}.` : `Unexpected ${describe(text, i)}.`,
        i,
      );
    return { ok: true, selections };
  } catch (err) {
    if (err instanceof SyntaxErr)
      return { ok: false, error: { message: err.message, position: err.position } };
    throw err;
  }
}

type MutableTree = Map<string, MutableTree>;

function addPath(tree: MutableTree, names: readonly string[], sub: FieldTree | null): void {
  const [head, ...rest] = names;
  if (head === undefined) return;
  const existing = tree.get(head);
  if (existing !== undefined && existing.size === 0) return; // already the whole field
  if (rest.length === 0 && (sub === null || sub.size === 0)) {
    tree.set(head, new Map()); // the whole field absorbs what was selected below it
    return;
  }
  const child = existing ?? new Map<string, MutableTree>();
  tree.set(head, child);
  if (rest.length > 0) addPath(child, rest, sub);
  else if (sub !== null) mergeInto(child, sub);
}

function mergeInto(target: MutableTree, source: FieldTree): void {
  for (const [key, sub] of source) addPath(target, [key], sub);
}

function selectionsToTree(selections: readonly FieldSelection[]): MutableTree {
  const tree: MutableTree = new Map();
  for (const s of selections)
    addPath(
      tree,
      s.path.map((n) => n.name),
      s.sub !== undefined ? selectionsToTree(s.sub) : null,
    );
  return tree;
}

/** The merged tree of parsed selections. */
export function fieldsTree(selections: readonly FieldSelection[]): FieldTree {
  return selectionsToTree(selections);
}

/**
 * The canonical text of a tree: fields in first-selected order, a single sub-field joined with `/`
 * (`items/id`), several in parentheses (`files(id,name)`). parseFields(printFields(t)) gives t back.
 */
export function printFields(tree: FieldTree): string {
  return [...tree].map(([key, sub]) => printOne(key, sub)).join(",");
}

function printOne(key: string, sub: FieldTree): string {
  if (sub.size === 0) return key;
  if (sub.size === 1) {
    const [[childKey, childSub]] = [...sub] as [[string, FieldTree]];
    return `${key}/${printOne(childKey, childSub)}`;
  }
  return `${key}(${printFields(sub)})`;
}

/** Canonical form of a `fields` text, or null when it does not parse. */
export function canonicalFields(text: string): string | null {
  const parsed = parseFields(text);
  return parsed.ok ? printFields(fieldsTree(parsed.selections)) : null;
}

// ------------------------------------------------------------------------------------------------ tree edits

/** Whether `path` is selected: it or one of its ancestors is a whole-field selection. */
export function isSelected(tree: FieldTree, path: readonly string[]): boolean {
  let node: FieldTree | undefined = tree;
  for (const key of path) {
    node = node.get(key);
    if (node === undefined) return false;
    if (node.size === 0) return true;
  }
  return false;
}

/** Whether something strictly below `path` is selected but not all of it. */
export function isPartlySelected(tree: FieldTree, path: readonly string[]): boolean {
  let node: FieldTree | undefined = tree;
  for (const key of path) {
    node = node.get(key);
    if (node === undefined || node.size === 0) return false;
  }
  return node !== tree && node.size > 0;
}

/** The tree with `path` added as a whole field. */
export function withField(tree: FieldTree, path: readonly string[]): FieldTree {
  const copy = selectionsToTree([]);
  mergeInto(copy, tree);
  addPath(copy, path, null);
  return copy;
}

/**
 * The tree without `path` (and without ancestors it leaves empty: an empty sub-selection would otherwise mean
 * "the whole field"). Removing a field under a whole-field selection is not possible and returns the tree as is.
 */
export function withoutField(tree: FieldTree, path: readonly string[]): FieldTree {
  const [head, ...rest] = path;
  if (head === undefined) return tree;
  const child = tree.get(head);
  if (child === undefined) return tree;
  const out = new Map(tree);
  if (rest.length === 0) {
    out.delete(head);
    return out;
  }
  if (child.size === 0) return tree;
  const next = withoutField(child, rest);
  if (next.size === 0) out.delete(head);
  else out.set(head, next);
  return out;
}

/**
 * `text` with `raw` (a path of keys, e.g. clicked in a response) added (canonical form). A text that does not
 * parse is kept and the path appended, so a click never discards what was typed; the error stays flagged.
 */
export function addFieldPath(text: string, raw: readonly string[]): string {
  if (raw.length === 0) return text;
  // A key the grammar cannot spell (a map key such as `zones/us-central1-a`) is selected through the wildcard:
  // every key at that level, a superset of the one clicked, never a different field.
  const path = raw.map((key) => (isFieldName(key) ? key : ANY_FIELD));
  const parsed = parseFields(text);
  if (!parsed.ok) return `${text},${path.join("/")}`;
  return printFields(withField(fieldsTree(parsed.selections), path));
}
