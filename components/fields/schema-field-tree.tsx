"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";

import {
  ANY_FIELD,
  isFieldName,
  isPartlySelected,
  isSelected,
  type FieldTree,
} from "@/lib/fields/partial-response";
import { graphIndex, resolveNode, type GraphNode, type SchemaGraph } from "@/lib/fields/schema-graph";

import "./fields.css";

/** Ticks: the current selection and what a tick or untick does. */
export interface FieldPicker {
  readonly tree: FieldTree;
  readonly onToggle: (path: readonly string[], checked: boolean) => void;
  /**
   * Whether a map's values can be picked through its "any key" row (`*`, which `fields` accepts as every key).
   * Field masks replace a map whole, so their picker ticks the map itself and only browses its values.
   */
  readonly anyKey: boolean;
}

interface Ctx {
  readonly index: ReadonlyMap<string, GraphNode>;
  readonly idPrefix: string;
  readonly picker: FieldPicker | undefined;
}

interface Ancestor {
  readonly ref: string;
  readonly anchor: string;
}

/** A DOM id for a node (`files.id` → …-files_2eid): names come from the document, so anything odd is escaped. */
const anchorId = (prefix: string, path: readonly string[]) =>
  `${prefix}-${path.join(".").replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

/** Looks through arrays (`File[]`): their items are what the sub-fields belong to. */
function itemsOf(index: ReadonlyMap<string, GraphNode>, node: GraphNode): { node: GraphNode; depth: number } {
  let current = node;
  let depth = 0;
  while (current.items !== undefined && depth < 16) {
    current = current.items;
    depth++;
  }
  void index;
  return { node: current, depth };
}

/** Whether a node has something to open: declared properties, or a map of such (through lists and refs). */
function opensFurther(index: ReadonlyMap<string, GraphNode>, node: GraphNode, depth = 0): boolean {
  const target = resolveNode(index, itemsOf(index, node).node);
  if (target === undefined || depth > 16) return false; // a map of itself: nothing more to show
  if (target.properties !== undefined && target.properties.length > 0) return true;
  return (
    target.additionalProperties !== undefined && opensFurther(index, target.additionalProperties, depth + 1)
  );
}

function typeLabel(index: ReadonlyMap<string, GraphNode>, node: GraphNode): string {
  if (node.items !== undefined) return `${typeLabel(index, node.items)}[]`;
  if (node.additionalProperties !== undefined)
    return `map<string, ${typeLabel(index, node.additionalProperties)}>`;
  const base = node.ref ?? node.type;
  return node.format !== undefined ? `${base} (${node.format})` : base;
}

function Checkbox({
  label,
  checked,
  partly,
  disabled,
  onChange,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly partly: boolean;
  readonly disabled: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current !== null) ref.current.indeterminate = partly && !checked;
  }, [partly, checked]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="sft__check"
      aria-label={label}
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}

/** Descriptions arrive sanitised by the server (lib/fields/method-graph.ts → sanitizeDescription). */
function Html({ html, className }: { readonly html: string; readonly className: string }) {
  return <div className={`rich-text ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

function Details({ node }: { readonly node: GraphNode }) {
  return (
    <>
      {node.description !== undefined ? <Html html={node.description} className="sft__description" /> : null}
      {node.enum !== undefined && node.enum.length > 0 ? (
        <ul className="sft__enum" aria-label="Values">
          {node.enum.map((e) => (
            <li key={e.value}>
              <code>{e.value}</code>
              {e.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
              {e.description !== "" ? <Html html={e.description} className="sft__enum-description" /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

interface RowProps {
  readonly name: string;
  readonly node: GraphNode;
  readonly path: readonly string[];
  readonly ancestors: readonly Ancestor[];
  readonly ctx: Ctx;
}

function Row({ name, node, path, ancestors, ctx }: RowProps) {
  const [open, setOpen] = useState(false);
  const { index, picker } = ctx;
  const anchor = anchorId(ctx.idPrefix, path);
  const { node: item } = itemsOf(index, node);
  const resolved = resolveNode(index, item);
  const shown = resolveNode(index, node) ?? node;
  const cycle = item.ref !== undefined ? ancestors.find((a) => a.ref === item.ref) : undefined;
  const mapValue = resolved?.additionalProperties;
  const hasProperties = resolved?.properties !== undefined && resolved.properties.length > 0;
  // A map of structured values opens on one "any key" row holding the value schema (a map of scalars says its
  // value type in its type label and has nothing more to open).
  const anyKeyRow = !hasProperties && mapValue !== undefined && opensFurther(index, mapValue);
  const hasChildren = cycle === undefined && (hasProperties || anyKeyRow);
  const isAnyKey = name === ANY_FIELD;
  const head = (
    <>
      <code className="sft__key">{name}</code>
      {isAnyKey ? <span className="muted small"> (any key)</span> : null}{" "}
      <span className="sft__type">{typeLabel(index, node)}</span>
      {shown.readOnly || node.readOnly ? <span className="badge">output only</span> : null}
      {shown.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
      {item.ref !== undefined && resolved === undefined ? (
        <span className="badge badge--deprecated">missing schema {item.ref}</span>
      ) : null}
    </>
  );
  const parentWhole = picker !== undefined && path.length > 1 && isSelected(picker.tree, path.slice(0, -1));
  // A name the `fields` grammar cannot spell (a hostile document's `a,b`) cannot be ticked: it would select
  // other fields than the one shown.
  const pickable =
    picker !== undefined && path.every(isFieldName) && (picker.anyKey || !path.includes(ANY_FIELD));
  const childAncestors = item.ref !== undefined ? [...ancestors, { ref: item.ref, anchor }] : ancestors;
  return (
    <li className="sft__row" id={anchor}>
      {picker !== undefined && pickable ? (
        <Checkbox
          label={path.join(".")}
          checked={isSelected(picker.tree, path)}
          partly={isPartlySelected(picker.tree, path)}
          disabled={parentWhole}
          onChange={(checked) => picker.onToggle(path, checked)}
        />
      ) : null}
      <div className="sft__body">
        {hasChildren ? (
          <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>{head}</summary>
            <Details node={node.description !== undefined ? node : shown} />
            {open && resolved !== undefined && hasProperties ? (
              <Properties node={resolved} path={path} ancestors={childAncestors} ctx={ctx} />
            ) : null}
            {open && anyKeyRow ? (
              <ul className="sft">
                <Row
                  name={ANY_FIELD}
                  node={mapValue}
                  path={[...path, ANY_FIELD]}
                  ancestors={childAncestors}
                  ctx={ctx}
                />
              </ul>
            ) : null}
          </details>
        ) : (
          <>
            <div className="sft__leaf">
              {head}
              {cycle !== undefined ? (
                <a className="sft__cycle" href={`#${cycle.anchor}`} title="Recursive reference: open above">
                  ↻ {cycle.ref} (above)
                </a>
              ) : null}
            </div>
            <Details node={node.description !== undefined ? node : shown} />
          </>
        )}
      </div>
    </li>
  );
}

function Properties({
  node,
  path,
  ancestors,
  ctx,
}: {
  readonly node: GraphNode;
  readonly path: readonly string[];
  readonly ancestors: readonly Ancestor[];
  readonly ctx: Ctx;
}) {
  return (
    <ul className="sft">
      {(node.properties ?? []).map(([key, child]) => (
        <Row key={key} name={key} node={child} path={[...path, key]} ancestors={ancestors} ctx={ctx} />
      ))}
    </ul>
  );
}

export interface SchemaFieldTreeProps {
  readonly graph: SchemaGraph;
  /** Where the tree starts (default: the graph's root schema). */
  readonly root?: GraphNode;
  /** Checkboxes on every node; without it the tree is a read-only reference. */
  readonly picker?: FieldPicker;
  readonly label: string;
}

/**
 * A schema as an expandable tree: each property with its type, format, description, enum values and output-only
 * mark; lists and maps by their shape. Children are rendered only when their node opens, so compute's `Instance`
 * costs one level at a time; a `$ref` already open higher up the branch is a link to that node, not a new copy.
 */
export function SchemaFieldTree({ graph, root, picker, label }: SchemaFieldTreeProps) {
  const idPrefix = `sft${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const index = useMemo(() => graphIndex(graph), [graph]);
  const start = root ?? { type: "object", ref: graph.root };
  const resolved = resolveNode(index, start);
  const ctx: Ctx = { index, idPrefix, picker };
  const ancestors = start.ref !== undefined ? [{ ref: start.ref, anchor: `${idPrefix}-root` }] : [];
  const hasProperties = resolved?.properties !== undefined && resolved.properties.length > 0;
  // A response that is itself a map (keys chosen by the server) opens on its "any key" row.
  const mapValue = resolved?.additionalProperties;
  const mapRoot = !hasProperties && mapValue !== undefined && opensFurther(index, mapValue);
  if (resolved === undefined || (!hasProperties && !mapRoot))
    return <p className="muted small">{typeLabel(index, start)} has no properties.</p>;
  return (
    <div className="sft-root" id={`${idPrefix}-root`} role="group" aria-label={label}>
      {mapRoot ? (
        <ul className="sft">
          <Row name={ANY_FIELD} node={mapValue} path={[ANY_FIELD]} ancestors={ancestors} ctx={ctx} />
        </ul>
      ) : (
        <Properties node={resolved} path={[]} ancestors={ancestors} ctx={ctx} />
      )}
    </div>
  );
}
