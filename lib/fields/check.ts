/**
 * Checks a `fields` selection or a field mask against a schema graph: every name must be a property of the schema
 * it selects within. Arrays are looked through (`files(id)` selects each file's id); map (additionalProperties)
 * keys are free names and `*` every key (the value schema checks what follows); `*` elsewhere and schemas without
 * declared properties (free-form JSON) end the check below them. Cycles need no care: the walk follows the finite
 * selection, not the schema. Pure.
 */
import { ANY_FIELD, type FieldName, type FieldSelection } from "./partial-response";
import { selectable, type GraphNode } from "./schema-graph";

export interface FieldIssue {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

type Index = ReadonlyMap<string, GraphNode>;

function propertyOf(node: GraphNode, key: string): GraphNode | undefined {
  return node.properties?.find(([k]) => k === key)?.[1];
}

/** Where a name leads from `node`: the child node, "free" (no checks below), or an issue. */
function step(
  index: Index,
  node: GraphNode,
  name: FieldName,
  parentLabel: string,
): GraphNode | "free" | FieldIssue {
  const here = selectable(index, node);
  if (here === undefined) return "free";
  // `*` in a map is every key: what follows is checked against the value schema (`items/*/instances`).
  if (name.name === ANY_FIELD)
    return here.additionalProperties !== undefined && (here.properties ?? []).length === 0
      ? here.additionalProperties
      : "free";
  if (here.properties !== undefined) {
    const child = propertyOf(here, name.name);
    if (child !== undefined) return child;
    if (here.additionalProperties === undefined)
      return {
        message: `Unknown field "${name.name}" in ${parentLabel} (position ${name.start + 1}).`,
        start: name.start,
        end: name.end,
      };
  }
  if (here.additionalProperties !== undefined) return here.additionalProperties;
  if (here.type === "object" || here.type === "any") return "free";
  return {
    message: `${parentLabel} is a ${here.type} and has no field "${name.name}" (position ${name.start + 1}).`,
    start: name.start,
    end: name.end,
  };
}

function walk(
  index: Index,
  root: GraphNode,
  path: readonly FieldName[],
  rootLabel: string,
  out: FieldIssue[],
) {
  let node: GraphNode | "free" = root;
  let label = rootLabel;
  for (const name of path) {
    if (node === "free") return "free";
    const next: GraphNode | "free" | FieldIssue = step(index, node, name, label);
    if (typeof next === "object" && "message" in next) {
      out.push(next);
      return undefined;
    }
    node = next;
    label = `"${name.name}"`;
  }
  return node;
}

/** Issues of a parsed `fields` value against the schema `root` (e.g. the response schema). */
export function checkFieldSelections(
  index: Index,
  root: GraphNode,
  selections: readonly FieldSelection[],
  rootLabel: string,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const visit = (node: GraphNode, list: readonly FieldSelection[], label: string) => {
    for (const s of list) {
      const end = walk(index, node, s.path, label, out);
      const last = s.path[s.path.length - 1];
      if (s.sub !== undefined && end !== undefined && end !== "free" && last !== undefined)
        visit(end, s.sub, `"${last.name}"`);
    }
  };
  visit(root, selections, rootLabel);
  return out;
}

/** Issues of field-mask paths (each a list of names) against `root`. */
export function checkFieldPaths(
  index: Index,
  root: GraphNode,
  paths: readonly (readonly FieldName[])[],
  rootLabel: string,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const p of paths) walk(index, root, p, rootLabel, out);
  return out;
}
