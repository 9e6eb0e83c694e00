import { BodyEditor } from "@/components/body-editor/body-editor";
import type { JsonValue } from "@/lib/request/types";

interface BodyFieldProps {
  readonly schemaName: string;
  readonly text: string;
  /** Draft-07 JSON Schema of the body (computed on the server), or null. */
  readonly jsonSchema: object | null;
  /** What "Insert skeleton" inserts (computed on the server), or null. */
  readonly skeleton: JsonValue | null;
  /** Request-level issues with the body (e.g. "must be an object"); JSON syntax is the editor's. */
  readonly issues: readonly string[];
  readonly onChange: (text: string) => void;
}

/** The request body: JSON text in the schema-aware editor. Problems are shown but never block editing. */
export function BodyField({ schemaName, text, jsonSchema, skeleton, issues, onChange }: BodyFieldProps) {
  return (
    <section className="rf-section rf-body" aria-label={`Request body (${schemaName})`}>
      <BodyEditor
        value={text}
        onChange={onChange}
        jsonSchema={jsonSchema}
        skeleton={skeleton}
        label={`Request body (${schemaName})`}
      />
      <div className="rf-error" aria-live="polite">
        {issues.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    </section>
  );
}
