"use client";

import { useState } from "react";

import { SchemaFieldTree } from "./schema-field-tree";
import { useSchemaGraph } from "./use-schema-graph";

export interface SchemaReferenceProps {
  /** schemaGraphPath (lib/routes.ts). */
  readonly url: string;
  /** `Response fields` / `Request body fields`. */
  readonly title: string;
  readonly schemaName: string;
}

/** A schema's reference tree on the method page, fetched the first time it is opened. */
export function SchemaReference({ url, title, schemaName }: SchemaReferenceProps) {
  const [open, setOpen] = useState(false);
  const state = useSchemaGraph(url, open);
  return (
    <details className="schema-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title} (<code>{schemaName}</code>)
      </summary>
      {state.status === "loading" ? <p className="muted small">Loading the schema…</p> : null}
      {state.status === "error" ? (
        <p className="rf-error small" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.status === "ready" ? (
        <SchemaFieldTree graph={state.graph} label={`${title} (${schemaName})`} />
      ) : null}
    </details>
  );
}
