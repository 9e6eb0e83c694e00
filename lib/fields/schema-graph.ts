/**
 * A response or request schema as a small, serialisable graph for the fields tree: every schema reachable from the
 * root once, keyed by name, with `$ref`s left as references. Cycles therefore cost nothing here; the tree expands a
 * reference only when the user opens it and shows a cycle as a link to the node already open. Pure.
 *
 * Arrays of pairs rather than objects: property and schema names come from the document (`__proto__`,
 * `constructor`) and must survive JSON and React's transfer as data, never as keys of a prototype-bearing object.
 */
import type { ApiModel } from "../discovery/model-types";
import { resolveRef } from "../discovery/schema";
import type { RawSchema } from "../discovery/types";

export interface GraphEnumValue {
  readonly value: string;
  /** Sanitised HTML. */
  readonly description: string;
  readonly deprecated?: true;
}

export interface GraphNode {
  /** `object`, `array`, `string`, … (`any` when the document gives none). */
  readonly type: string;
  readonly format?: string;
  /** Sanitised HTML (the renderer given to schemaGraph); absent when empty. */
  readonly description?: string;
  readonly readOnly?: true;
  readonly deprecated?: true;
  readonly enum?: readonly GraphEnumValue[];
  /** The named schema this node stands for (look it up in SchemaGraph.schemas). */
  readonly ref?: string;
  readonly properties?: readonly (readonly [string, GraphNode])[];
  readonly items?: GraphNode;
  readonly additionalProperties?: GraphNode;
}

export interface SchemaGraph {
  readonly root: string;
  readonly schemas: readonly (readonly [string, GraphNode])[];
}

/** Renders a raw Discovery description (the caller passes the sanitiser, so this stays free of it). */
export type DescriptionRenderer = (raw: string) => string;

/** Reachable named schemas, or undefined when the root does not exist. */
export function schemaGraph(
  api: Pick<ApiModel, "schemas">,
  rootName: string,
  render: DescriptionRenderer,
): SchemaGraph | undefined {
  if (resolveRef(api, rootName) === undefined) return undefined;
  const done = new Map<string, GraphNode>();
  const queue = [rootName];
  const convert = (s: RawSchema): GraphNode => {
    const node: { -readonly [K in keyof GraphNode]: GraphNode[K] } = {
      type: s.type ?? (s.$ref !== undefined ? "object" : "any"),
    };
    if (s.format !== undefined) node.format = s.format;
    const description =
      s.description !== undefined && s.description.trim() !== "" ? render(s.description) : "";
    if (description !== "") node.description = description;
    if (s.readOnly === true) node.readOnly = true;
    if (s.deprecated === true) node.deprecated = true;
    if (s.enum !== undefined)
      node.enum = s.enum.map((value, i) => {
        const raw = s.enumDescriptions?.[i] ?? "";
        return {
          value,
          description: raw.trim() !== "" ? render(raw) : "",
          ...(s.enumDeprecated?.[i] === true ? { deprecated: true as const } : {}),
        };
      });
    if (s.$ref !== undefined) {
      node.ref = s.$ref;
      if (!done.has(s.$ref)) queue.push(s.$ref);
    }
    if (s.properties !== undefined)
      node.properties = Object.entries(s.properties).map(([key, p]) => [key, convert(p)] as const);
    if (s.items !== undefined) node.items = convert(s.items);
    if (s.additionalProperties !== undefined) node.additionalProperties = convert(s.additionalProperties);
    return node;
  };
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (done.has(name)) continue;
    const raw = resolveRef(api, name);
    // A missing $ref target stays out of the graph; the tree shows it as an unknown schema.
    if (raw !== undefined) done.set(name, convert(raw));
  }
  return { root: rootName, schemas: [...done] };
}

/** A lookup over a graph's schemas (built once per graph). */
export function graphIndex(graph: SchemaGraph): ReadonlyMap<string, GraphNode> {
  return new Map(graph.schemas);
}

/**
 * The node with its `$ref` followed (the referring node's own description wins, as properties often describe
 * their use). Undefined for a reference to a schema the graph lacks.
 */
export function resolveNode(index: ReadonlyMap<string, GraphNode>, node: GraphNode): GraphNode | undefined {
  if (node.ref === undefined) return node;
  const target = index.get(node.ref);
  if (target === undefined) return undefined;
  return {
    ...target,
    ...(node.description !== undefined ? { description: node.description } : {}),
    ...(node.readOnly === true ? { readOnly: true as const } : {}),
  };
}

/**
 * The node whose properties a sub-selection names: arrays select within their items (`files(id)`), so they are
 * looked through. Maps stay maps (any key is a field).
 */
export function selectable(index: ReadonlyMap<string, GraphNode>, node: GraphNode): GraphNode | undefined {
  let current = resolveNode(index, node);
  const seen = new Set<GraphNode>();
  while (current?.items !== undefined && !seen.has(current)) {
    seen.add(current);
    current = resolveNode(index, current.items);
  }
  return current;
}
