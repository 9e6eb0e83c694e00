"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";

import { isPartlySelected, isSelected, type FieldTree } from "@/lib/fields/partial-response";
import { graphIndex, resolveNode, type GraphNode, type SchemaGraph } from "@/lib/fields/schema-graph";

import "./fields.css";

/** Ticks: the current selection and what a tick or untick does. */
export interface FieldPicker {
  readonly tree: FieldTree;
  readonly onToggle: (path: readonly string[], checked: boolean) => void;
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
  const hasChildren =
    cycle === undefined && resolved?.properties !== undefined && resolved.properties.length > 0;
  const mapValue = resolved?.additionalProperties;
  const head = (
    <>
      <code className="sft__key">{name}</code> <span className="sft__type">{typeLabel(index, node)}</span>
      {shown.readOnly || node.readOnly ? <span className="badge">output only</span> : null}
      {shown.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
      {item.ref !== undefined && resolved === undefined ? (
        <span className="badge badge--deprecated">missing schema {item.ref}</span>
      ) : null}
    </>
  );
  const parentWhole = picker !== undefined && path.length > 1 && isSelected(picker.tree, path.slice(0, -1));
  return (
    <li className="sft__row" id={anchor}>
      {picker !== undefined ? (
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
            {open ? (
              <Properties
                node={resolved}
                path={path}
                ancestors={item.ref !== undefined ? [...ancestors, { ref: item.ref, anchor }] : ancestors}
                ctx={ctx}
              />
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
            {mapValue !== undefined && resolveNode(index, mapValue)?.properties !== undefined ? (
              <p className="muted small">Each value is a {typeLabel(index, mapValue)}.</p>
            ) : null}
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
  if (resolved?.properties === undefined || resolved.properties.length === 0)
    return <p className="muted small">{typeLabel(index, start)} has no properties.</p>;
  return (
    <div className="sft-root" id={`${idPrefix}-root`} role="group" aria-label={label}>
      <Properties
        node={resolved}
        path={[]}
        ancestors={start.ref !== undefined ? [{ ref: start.ref, anchor: `${idPrefix}-root` }] : []}
        ctx={ctx}
      />
    </div>
  );
}
