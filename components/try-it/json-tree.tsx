"use client";
/**
 * Foldable JSON. Children render only when their node is open, and long arrays/objects show their entries in
 * pages of 100, so a multi-megabyte response stays responsive (the DOM holds what is visible, not the body).
 */
import { useContext, useState } from "react";

import { PickPathContext } from "@/components/fields/pick-path-context";

const PAGE = 100;
const STRING_MAX = 2_000;

function Scalar({ value }: { readonly value: unknown }) {
  const [full, setFull] = useState(false);
  if (value === null) return <span className="jt-null">null</span>;
  if (typeof value === "string") {
    const long = value.length > STRING_MAX && !full;
    return (
      <span className="jt-string">
        {JSON.stringify(long ? value.slice(0, STRING_MAX) : value)}
        {long ? (
          <button type="button" className="jt-more" onClick={() => setFull(true)}>
            … show all {value.length.toLocaleString()} characters
          </button>
        ) : null}
      </span>
    );
  }
  if (typeof value === "number") return <span className="jt-number">{String(value)}</span>;
  return <span className="jt-boolean">{String(value)}</span>;
}

function Entries({ value, path }: { readonly value: object; readonly path: readonly string[] }) {
  const [shown, setShown] = useState(PAGE);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  return (
    <ul className="jt-children">
      {entries.slice(0, shown).map(([k, v]) => (
        <li key={k}>
          <JsonNode
            name={Array.isArray(value) ? null : k}
            index={Array.isArray(value) ? k : null}
            value={v}
            depth={1}
            path={Array.isArray(value) ? path : [...path, k]}
          />
        </li>
      ))}
      {entries.length > shown ? (
        <li>
          <button type="button" className="jt-more" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, entries.length - shown)} more of {entries.length.toLocaleString()}
          </button>
        </li>
      ) : null}
    </ul>
  );
}

interface JsonNodeProps {
  readonly name: string | null;
  readonly index?: string | null;
  readonly value: unknown;
  /** Nodes shallower than 2 start open. */
  readonly depth: number;
  /** The object keys leading here (list positions left out). */
  readonly path?: readonly string[];
}

export function JsonNode({ name, index = null, value, depth, path = [] }: JsonNodeProps) {
  const [open, setOpen] = useState(depth < 2);
  const pick = useContext(PickPathContext);
  // Every key (of a scalar, an object or a list) can add its path. It is a button of its own beside the fold's
  // button, never inside it: a control inside another (or inside a <summary>) is not reachable as itself.
  const key =
    name === null ? null : pick !== null ? (
      <button
        type="button"
        className="jt-key jt-pick"
        title={`Add ${path.join(".")} to fields`}
        onClick={() => pick(path)}
      >
        {JSON.stringify(name)}:{" "}
      </button>
    ) : (
      <span className="jt-key">{JSON.stringify(name)}: </span>
    );
  const label = key ?? (index !== null ? <span className="jt-index">{index}: </span> : null);
  if (typeof value !== "object" || value === null)
    return (
      <span className="jt-leaf">
        {label}
        <Scalar value={value} />
      </span>
    );
  const isArray = Array.isArray(value);
  const count = isArray ? value.length : Object.keys(value).length;
  const summary = isArray ? `[${count}]` : `{${count}}`;
  if (count === 0)
    return (
      <span className="jt-leaf">
        {label}
        <span className="jt-punct">{isArray ? "[]" : "{}"}</span>
      </span>
    );
  // The WAI-ARIA disclosure pattern (a button with aria-expanded) rather than <details>, so the key's own button
  // can sit beside it. Without a pick button the key is part of the fold's button, as a <summary> was.
  const foldName =
    name !== null ? `${JSON.stringify(name)} ${summary}` : index !== null ? `${index} ${summary}` : summary;
  return (
    <div className="jt-node">
      {pick !== null ? key : null}
      <button
        type="button"
        className="jt-toggle"
        aria-expanded={open}
        aria-label={pick !== null && name !== null ? foldName : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {pick !== null && name !== null ? null : label}
        <span className="jt-punct">{summary}</span>
      </button>
      {open ? <Entries value={value} path={path} /> : null}
    </div>
  );
}

export function JsonTree({ value }: { readonly value: unknown }) {
  return (
    <div className="jt" data-testid="json-tree">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}
