"use client";

import { useCallback, useMemo, useState } from "react";

import type { MethodModel, ParameterModel } from "@/lib/discovery/model-types";
import {
  bodyPaths,
  documentedMaskValues,
  maskTree,
  printFieldMask,
  printMaskTree,
} from "@/lib/fields/field-mask";
import {
  needsSchema,
  schemaSideLabel,
  selectionProblems,
  selectionRoot,
  type SelectionTarget,
} from "@/lib/fields/param-issues";
import {
  fieldsTree,
  parseFields,
  printFields,
  withField,
  withoutField,
  type FieldTree,
} from "@/lib/fields/partial-response";
import { graphIndex } from "@/lib/fields/schema-graph";
import type { ApiModel } from "@/lib/discovery/model-types";
import type { JsonValue } from "@/lib/request/types";
import { schemaGraphPath } from "@/lib/routes";

import { SchemaFieldTree } from "./schema-field-tree";
import { loadSchemaGraph, useSchemaGraph } from "./use-schema-graph";

export interface SelectionPickerProps {
  readonly api: Pick<ApiModel, "name" | "version" | "revision">;
  readonly method: MethodModel;
  readonly param: ParameterModel;
  readonly target: SelectionTarget;
  /** The parameter's current text ("" when unset). */
  readonly value: string;
  /** The request body (for "the fields in my body"). */
  readonly body: JsonValue | null;
  readonly onChange: (param: ParameterModel, text: string) => void;
}

function toTree(target: SelectionTarget, value: string): FieldTree | null {
  if (target.kind === "mask") return maskTree(value);
  const parsed = parseFields(value);
  return parsed.ok ? fieldsTree(parsed.selections) : null;
}

/** The value with the span a problem is about marked, so the error is seen where it is. */
function Marked({
  value,
  start,
  end,
}: {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}) {
  const s = Math.min(start, value.length);
  const e = Math.max(Math.min(end, value.length), s);
  return (
    <code className="field-picker__value">
      {value.slice(0, s)}
      <mark>{s === e ? "\u2038" : value.slice(s, e)}</mark>
      {value.slice(e)}
    </code>
  );
}

/**
 * The picker beside a `fields` or field-mask parameter: the schema tree with a checkbox per field (ticks write the
 * value, a typed value ticks the tree), the value's problems marked at their position, and for masks the
 * documented values and "the fields in my body".
 */
export function SelectionPicker({ api, method, param, target, value, body, onChange }: SelectionPickerProps) {
  const [open, setOpen] = useState(false);
  const url = schemaGraphPath(api.name, api.version, method.id, target.side, api.revision);
  const state = useSchemaGraph(url, open || value !== "");
  const graph = state.status === "ready" ? state.graph : undefined;
  const problems = useMemo(
    () => (value === "" ? [] : selectionProblems(param, target, value, graph)),
    [param, target, value, graph],
  );
  const tree = useMemo(() => toTree(target, value), [target, value]);
  const print = useCallback(
    (t: FieldTree) => (target.kind === "mask" ? printMaskTree(t) : printFields(t)),
    [target.kind],
  );
  const onToggle = useCallback(
    (path: readonly string[], checked: boolean) => {
      const base = tree ?? new Map();
      onChange(param, print(checked ? withField(base, path) : withoutField(base, path)));
    },
    [tree, onChange, param, print],
  );
  const root = graph !== undefined ? selectionRoot(graph, target.kind, target.side) : null;
  const documented = target.kind === "mask" ? documentedMaskValues(param.description) : [];
  // "Use the fields in my body" may be clicked before the schema has loaded: it applies once it has.
  const fromBody = () => {
    setOpen(true);
    loadSchemaGraph(url)
      .then((g) => {
        const start = selectionRoot(g, target.kind, target.side);
        if (start !== null) onChange(param, printFieldMask(bodyPaths(graphIndex(g), start, body)));
      })
      .catch(() => undefined); // the tree shows the load error
  };
  const what = schemaSideLabel(target.side);

  // Until the schema is there the value is not checked (Execute waits): say so here, where it is typed.
  const unchecked = needsSchema(param, target, value) && state.status !== "ready";
  return (
    <div className="field-picker">
      {unchecked && state.status !== "error" ? (
        <p className="muted small" role="status" data-testid={`selection-pending-${param.name}`}>
          Checking {param.name} against the {what} schema…
        </p>
      ) : null}
      {unchecked && state.status === "error" && !open ? (
        <p className="rf-error small" role="alert">
          {param.name} could not be checked: {state.error}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="rf-error field-picker__problems" data-testid={`selection-problems-${param.name}`}>
          {problems.map((p) => (
            <p key={`${p.start}:${p.message}`}>
              {p.message} <Marked value={value} start={p.start} end={p.end} />
            </p>
          ))}
        </div>
      ) : null}
      {target.kind === "mask" && target.side === "request" ? (
        <button
          type="button"
          className="button button--small"
          disabled={body === null}
          onClick={fromBody}
          title={body === null ? "Write a request body first" : undefined}
        >
          Use the fields in my body
        </button>
      ) : null}
      {documented.length > 0 ? (
        <fieldset className="field-picker__documented">
          <legend className="small">Documented values of {param.name}</legend>
          {documented.map((v) => (
            <label key={v} className="small">
              <input
                type="checkbox"
                checked={tree?.has(v) === true}
                onChange={(e) => onToggle([v], e.currentTarget.checked)}
              />{" "}
              {v}
            </label>
          ))}
        </fieldset>
      ) : null}
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="small">
          Pick {target.kind === "fields" ? "response fields" : "fields"} from the {what} schema
        </summary>
        {state.status === "loading" ? <p className="muted small">Loading the schema…</p> : null}
        {state.status === "error" ? (
          <p className="rf-error small" role="alert">
            {state.error}
          </p>
        ) : null}
        {graph !== undefined && root !== null ? (
          <SchemaFieldTree
            graph={graph}
            root={root}
            label={`Fields for ${param.name}`}
            picker={{ tree: tree ?? new Map(), onToggle, anyKey: target.kind === "fields" }}
          />
        ) : null}
        {graph !== undefined && root === null ? (
          <p className="muted small">
            This method&apos;s response is an operation; the mask is not checked here.
          </p>
        ) : null}
      </details>
    </div>
  );
}
