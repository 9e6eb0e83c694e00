"use client";
/**
 * The request body editor: Monaco's JSON mode (./code-editor, loaded lazily) with the method's request schema as
 * a JSON Schema (lib/discovery/schema.ts `toJsonSchema`, fetched from /api/body-schema/… when Monaco starts, so
 * the page does not carry it) driving validation markers and completion. Problems are listed under the editor but
 * never block typing; the text is the caller's and is never rewritten, except by "Insert skeleton", which merges
 * into a valid object and can be undone when it replaces text.
 */
import { useEffect, useId, useMemo, useState } from "react";

import { CodeEditor, type EditorProblem } from "@/components/code-editor/code-editor";
import { usePageQuiet } from "@/components/code-editor/when-page-quiet";
import { readJsonResponse } from "@/lib/http/read-json";
import { setOwn } from "@/lib/object/own";
import type { JsonValue } from "@/lib/request/types";

import "./body-editor.css";

export interface BodyEditorProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Where to fetch the draft-07 JSON Schema of the request body (bodySchemaPath), or null for plain JSON checks. */
  readonly jsonSchemaUrl: string | null;
  /** What "Insert skeleton" inserts (lib/codegen/skeleton.ts), or null to hide the button. */
  readonly skeleton: JsonValue | null;
  readonly label: string;
}

const MAX_LISTED = 8;

type Parsed = { ok: true; value: unknown } | { ok: false; message: string } | { ok: true; empty: true };

function parse(text: string): Parsed {
  if (text.trim() === "") return { ok: true, empty: true };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The text after "Insert skeleton": the skeleton when the editor is empty; the user's object with the skeleton's
 * missing keys added when the text is a JSON object (nothing the user wrote changes); otherwise the skeleton
 * (`replaced`: the caller offers to undo).
 */
export function insertSkeleton(text: string, skeleton: JsonValue): { text: string; replaced: boolean } {
  const parsed = parse(text);
  const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  if ("empty" in parsed) return { text: pretty(skeleton), replaced: false };
  if (parsed.ok && isObject(parsed.value) && isObject(skeleton)) {
    const missing = Object.keys(skeleton).filter((k) => !Object.hasOwn(parsed.value as object, k));
    if (missing.length === 0) return { text, replaced: false };
    const merged: Record<string, unknown> = { ...parsed.value };
    for (const k of missing) setOwn(merged, k, skeleton[k]); // `merged[k] =` would drop `__proto__`
    return { text: pretty(merged), replaced: false };
  }
  if (parsed.ok && isObject(parsed.value) && Object.keys(parsed.value).length === 0)
    return { text: pretty(skeleton), replaced: false };
  return { text: pretty(skeleton), replaced: true };
}

interface FetchedSchema {
  readonly url: string | null;
  readonly schema: object | null;
  readonly error: string | null;
}

/** The body's JSON Schema, fetched when Monaco starts (it is what reads it); a failure leaves plain JSON checks. */
function useFetchedSchema(url: string | null): FetchedSchema {
  const quiet = usePageQuiet();
  const [state, setState] = useState<FetchedSchema>({ url: null, schema: null, error: null });
  useEffect(() => {
    if (url === null || !quiet) return;
    let live = true;
    void fetch(url, { headers: { accept: "application/json" } })
      .then(async (res) => {
        const body = await readJsonResponse(res, "The schema service");
        if (typeof body !== "object" || body === null) throw new Error("the answer is not a JSON Schema");
        return body;
      })
      .then(
        (schema) => live && setState({ url, schema, error: null }),
        (err: unknown) =>
          live && setState({ url, schema: null, error: err instanceof Error ? err.message : String(err) }),
      );
    return () => {
      live = false;
    };
  }, [url, quiet]);
  return state.url === url ? state : { url, schema: null, error: null };
}

export function BodyEditor({ value, onChange, jsonSchemaUrl, skeleton, label }: BodyEditorProps) {
  const fetched = useFetchedSchema(jsonSchemaUrl);
  const id = useId();
  const problemsId = `${id}-problems`;
  const modelPath = useMemo(() => `body/${id.replace(/[^A-Za-z0-9]/g, "")}.json`, [id]);
  const [problems, setProblems] = useState<readonly EditorProblem[] | null>(null);
  const [undo, setUndo] = useState<string | null>(null);

  // Without Monaco (still loading, or failed) the JSON syntax check is ours.
  const parsed = useMemo(() => parse(value), [value]);
  const listed: readonly EditorProblem[] =
    problems ?? (parsed.ok ? [] : [{ message: parsed.message, line: 0, column: 0, severity: "error" }]);

  const onInsert = () => {
    if (skeleton === null) return;
    const next = insertSkeleton(value, skeleton);
    setUndo(next.replaced ? value : null);
    if (next.text !== value) onChange(next.text);
  };

  return (
    <div className="body-editor" data-testid="body-editor">
      <div className="body-editor__bar">
        <span className="body-editor__label" id={`${id}-label`}>
          {label}
        </span>
        <span className="body-editor__actions">
          {undo !== null ? (
            <button
              type="button"
              className="body-editor__button"
              onClick={() => {
                onChange(undo);
                setUndo(null);
              }}
            >
              Undo insert
            </button>
          ) : null}
          {skeleton !== null ? (
            <button
              type="button"
              className="body-editor__button"
              onClick={onInsert}
              title="Fill in the required and typical fields with placeholder values"
            >
              Insert skeleton
            </button>
          ) : null}
        </span>
      </div>
      <div className="body-editor__editor" aria-describedby={problemsId}>
        <CodeEditor
          value={value}
          onChange={(text) => {
            if (undo !== null) setUndo(null);
            onChange(text);
          }}
          language="json"
          modelPath={modelPath}
          jsonSchema={fetched.schema}
          height={280}
          ariaLabel={label}
          onProblems={setProblems}
        />
      </div>
      <p className="body-editor__keys small muted">
        In the editor <kbd>Tab</kbd> indents: press <kbd>Esc</kbd> then <kbd>Tab</kbd> to move on.
      </p>
      <div
        id={problemsId}
        className="body-editor__problems small"
        aria-live="polite"
        data-testid="body-problems"
      >
        {undo !== null ? <p className="muted">Your previous text was not JSON, so it was replaced.</p> : null}
        {fetched.error !== null ? (
          <p className="muted">
            The body&apos;s schema could not be loaded ({fetched.error}): only JSON syntax is checked.
          </p>
        ) : null}
        {listed.length === 0 ? null : (
          <>
            <p className="body-editor__count">
              {listed.length === 1 ? "1 problem" : `${listed.length} problems`} in the body (editing is never
              blocked):
            </p>
            <ul>
              {listed.slice(0, MAX_LISTED).map((p, i) => (
                <li key={`${i}:${p.line}:${p.column}:${p.message}`} className={`body-editor__${p.severity}`}>
                  {p.line > 0 ? `Line ${p.line}, column ${p.column}: ` : ""}
                  {p.message}
                </li>
              ))}
              {listed.length > MAX_LISTED ? <li>… and {listed.length - MAX_LISTED} more</li> : null}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
