/**
 * Field masks (Discovery format `google-fieldmask`): the JSON form of google.protobuf.FieldMask, comma-separated
 * camelCase paths with `.` between names (`name,address.city`). Pure.
 *
 * @see https://protobuf.dev/reference/protobuf/google.protobuf/#field-mask (JSON encoding)
 */
import type { JsonValue } from "../request/types";
import { withField, type FieldName, type FieldsSyntaxError, type FieldTree } from "./partial-response";
import { resolveNode, type GraphNode } from "./schema-graph";

export type FieldMaskParse =
  | { readonly ok: true; readonly paths: readonly (readonly FieldName[])[] }
  | { readonly ok: false; readonly error: FieldsSyntaxError };

const MASK_NAME = /^[A-Za-z0-9_$@*-]+$/;

/** Parses a mask; the empty text is the empty mask. Names keep their positions for inline errors. */
export function parseFieldMask(text: string): FieldMaskParse {
  if (text === "") return { ok: true, paths: [] };
  const paths: FieldName[][] = [];
  let offset = 0;
  for (const part of text.split(",")) {
    const names: FieldName[] = [];
    let at = offset;
    for (const name of part.split(".")) {
      if (!MASK_NAME.test(name))
        return {
          ok: false,
          error: {
            message:
              name === ""
                ? `Empty path segment at position ${at + 1}.`
                : `"${name}" at position ${at + 1} is not a field name.`,
            position: at,
          },
        };
      names.push({ name, start: at, end: at + name.length });
      at += name.length + 1;
    }
    paths.push(names);
    offset += part.length + 1;
  }
  return { ok: true, paths };
}

export function printFieldMask(paths: readonly (readonly string[])[]): string {
  return paths.map((p) => p.join(".")).join(",");
}

/**
 * The paths present in a body, for "update the fields in my body": a property whose schema declares properties is
 * descended into; anything else (a scalar, a list, a map, free-form JSON) is one path, as an update mask replaces
 * it whole.
 */
export function bodyPaths(
  index: ReadonlyMap<string, GraphNode>,
  root: GraphNode,
  body: JsonValue | null,
): string[][] {
  const out: string[][] = [];
  const visit = (node: GraphNode | undefined, value: JsonValue, prefix: readonly string[]) => {
    const schema = node === undefined ? undefined : resolveNode(index, node);
    const isRecord = typeof value === "object" && value !== null && !Array.isArray(value);
    if (prefix.length > 0 && (!isRecord || schema?.properties === undefined || schema.additionalProperties)) {
      out.push([...prefix]);
      return;
    }
    if (!isRecord) return;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = schema?.properties?.find(([k]) => k === key)?.[1];
      visit(childSchema, child, [...prefix, key]);
    }
  };
  if (body !== null) visit(root, body, []);
  return out;
}

/**
 * The closed set of mask values a parameter's description lists, as People API does ("Valid values are:
 * * addresses * ageRanges …"); empty when it lists none.
 */
export function documentedMaskValues(description: string): string[] {
  const m = /valid values are:?\s*((?:\*\s*[A-Za-z][\w.]*\s*)+)/i.exec(description);
  if (m === null || m[1] === undefined) return [];
  return [...m[1].matchAll(/\*\s*([A-Za-z][\w.]*)/g)].map((x) => x[1] ?? "").filter((v) => v !== "");
}

/** A mask's paths as a selection tree (what the picker ticks); null when the text does not parse. */
export function maskTree(text: string): FieldTree | null {
  const parsed = parseFieldMask(text);
  if (!parsed.ok) return null;
  let tree: FieldTree = new Map();
  for (const p of parsed.paths)
    tree = withField(
      tree,
      p.map((n) => n.name),
    );
  return tree;
}

/** The mask text of a tree: one dotted path per whole-field selection, in tree order. */
export function printMaskTree(tree: FieldTree): string {
  const out: string[][] = [];
  const visit = (t: FieldTree, prefix: readonly string[]) => {
    for (const [key, sub] of t) {
      if (sub.size === 0) out.push([...prefix, key]);
      else visit(sub, [...prefix, key]);
    }
  };
  visit(tree, []);
  return printFieldMask(out);
}
