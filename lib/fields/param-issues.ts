/**
 * Which parameters take a field selection, what schema each is checked against, and the request issues their
 * values raise: the `fields` standard parameter (partial response, against the response schema) and every
 * parameter of format `google-fieldmask` (update masks against the request body, read masks against what is
 * read). Syntax errors need no schema and are flagged at once; unknown fields once the schema has loaded, and until
 * then a value the schema must check is flagged as unchecked, so it never reaches a request unflagged. Pure.
 */
import type { MethodModel, ParameterModel } from "../discovery/model-types";
import { ownValue } from "../object/own";
import type { ExplorerRequest, ValidationIssue } from "../request/types";
import { checkFieldPaths, checkFieldSelections } from "./check";
import { documentedMaskValues, parseFieldMask } from "./field-mask";
import type { GraphSide } from "./method-graph";
import { parseFields } from "./partial-response";
import { graphIndex, resolveNode, type GraphNode, type SchemaGraph } from "./schema-graph";

export const FIELDS_PARAM = "fields";

export type SelectionKind = "fields" | "mask";

export interface SelectionTarget {
  readonly kind: SelectionKind;
  readonly side: GraphSide;
}

const UPDATE_MASK = /update|clear|attribute|^mask$/i;

/** What a parameter selects within, or null for an ordinary parameter. */
export function selectionTarget(method: MethodModel, param: ParameterModel): SelectionTarget | null {
  if (param.name === FIELDS_PARAM && param.type === "string" && param.format !== "google-fieldmask")
    return method.responseSchema !== null ? { kind: "fields", side: "response" } : null;
  if (param.format !== "google-fieldmask") return null;
  const updates =
    method.requestSchema !== null && method.httpMethod !== "GET" && UPDATE_MASK.test(param.name);
  if (updates) return { kind: "mask", side: "request" };
  return method.responseSchema !== null ? { kind: "mask", side: "response" } : null;
}

const isOperation = (node: GraphNode) =>
  node.properties?.some(([k]) => k === "done") === true && node.properties.some(([k]) => k === "metadata");

/**
 * The schema node a selection of this kind starts from, or null when no check is safe. `fields` starts at the
 * response. A read mask names fields of the resource read, so a list response (`{ products: [Product],
 * nextPageToken }`) starts at its single list's items; a long-running Operation is not what the mask selects.
 */
export function selectionRoot(graph: SchemaGraph, kind: SelectionKind, side: GraphSide): GraphNode | null {
  const index = graphIndex(graph);
  const root: GraphNode = { type: "object", ref: graph.root };
  if (kind === "fields" || side === "request") return root;
  const resolved = resolveNode(index, root);
  if (resolved === undefined || isOperation(resolved)) return null;
  const lists = (resolved.properties ?? []).filter(([, p]) => p.items?.ref !== undefined);
  const only = lists.length === 1 ? lists[0]?.[1].items : undefined;
  return only ?? root;
}

/**
 * The schemas the values are checked against. A side that is absent is not there yet (loading, or not asked for);
 * `failed` says why a side's schema could not be loaded.
 */
export interface SelectionGraphs {
  readonly response?: SchemaGraph;
  readonly request?: SchemaGraph;
  readonly failed?: { readonly response?: string; readonly request?: string };
}

function text(request: ExplorerRequest, name: string): string | null {
  const v = ownValue(request.params, name);
  if (v === undefined) return null;
  const s = Array.isArray(v) ? v.join(",") : String(v);
  return s === "" ? null : s;
}

/** A problem with a selection value, with the [start, end) span it is about (for the inline mark). */
export interface SelectionProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** How a message names the schema a selection is checked against. */
export function schemaSideLabel(side: SelectionTarget["side"]): string {
  return side === "request" ? "request body" : "response";
}

/** Whether checking this value needs the schema: it parses and no documented closed set is its check. */
export function needsSchema(param: ParameterModel, target: SelectionTarget, value: string): boolean {
  if (value === "") return false;
  if (target.kind === "fields") return parseFields(value).ok;
  return parseFieldMask(value).ok && documentedMaskValues(param.description).length === 0;
}

/** The problems of one selection value (none for an empty one; unknown fields only once `graph` is there). */
export function selectionProblems(
  param: ParameterModel,
  target: SelectionTarget,
  value: string,
  graph: SchemaGraph | undefined,
): SelectionProblem[] {
  const root = graph !== undefined ? selectionRoot(graph, target.kind, target.side) : null;
  const label = graph?.root ?? "";
  if (target.kind === "fields") {
    const parsed = parseFields(value);
    if (!parsed.ok) {
      const { message, position } = parsed.error;
      return [{ message: `${message} (position ${position + 1})`, start: position, end: position + 1 }];
    }
    return graph !== undefined && root !== null
      ? checkFieldSelections(graphIndex(graph), root, parsed.selections, label)
      : [];
  }
  const parsed = parseFieldMask(value);
  if (!parsed.ok) {
    const { message, position } = parsed.error;
    return [{ message, start: position, end: position + 1 }];
  }
  const documented = documentedMaskValues(param.description);
  if (documented.length > 0)
    return parsed.paths.flatMap((path) => {
      const first = path[0];
      return first !== undefined && !documented.includes(first.name)
        ? [
            {
              message: `"${first.name}" (position ${first.start + 1}) is not one of the documented values.`,
              start: first.start,
              end: first.end,
            },
          ]
        : [];
    });
  return graph !== undefined && root !== null
    ? checkFieldPaths(graphIndex(graph), root, parsed.paths, label)
    : [];
}

/** The value of a parameter as selection text, or null when it is not set. */
export function selectionText(request: ExplorerRequest, name: string): string | null {
  return text(request, name);
}

/** The issues of every selection parameter's value (none for an empty one). */
export function selectionIssues(
  method: MethodModel,
  params: readonly ParameterModel[],
  request: ExplorerRequest,
  graphs: SelectionGraphs,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const p of params) {
    const target = selectionTarget(method, p);
    const value = target !== null ? text(request, p.name) : null;
    if (target === null || value === null) continue;
    const graph = graphs[target.side];
    for (const problem of selectionProblems(p, target, value, graph))
      out.push({ param: p.name, code: "pattern", message: `"${p.name}": ${problem.message}` });
    if (graph === undefined && needsSchema(p, target, value)) {
      const what = schemaSideLabel(target.side);
      const failed = graphs.failed?.[target.side];
      out.push({
        param: p.name,
        code: "unchecked",
        message:
          failed === undefined
            ? `"${p.name}": checking the fields against the ${what} schema…`
            : `"${p.name}": the fields could not be checked, the ${what} schema did not load (${failed}). Reload the page, or clear "${p.name}".`,
      });
    }
  }
  return out;
}
