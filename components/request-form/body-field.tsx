import { BodyEditor } from "@/components/body-editor/body-editor";
import type { JsonValue } from "@/lib/request/types";

interface BodyFieldProps {
  readonly schemaName: string;
  readonly text: string;
  /** Where the body editor fetches the body's JSON Schema (bodySchemaPath), or null. */
  readonly jsonSchemaUrl: string | null;
  /** What "Insert skeleton" inserts (computed on the server), or null. */
  readonly skeleton: JsonValue | null;
  /** Request-level issues with the body (e.g. "must be an object"); JSON syntax is the editor's. */
  readonly issues: readonly string[];
  readonly onChange: (text: string) => void;
}

/** The request body: JSON text in the schema-aware editor. Problems are shown but never block editing. */
export function BodyField({ schemaName, text, jsonSchemaUrl, skeleton, issues, onChange }: BodyFieldProps) {
  return (
    <section className="rf-section rf-body" aria-label={`Request body (${schemaName})`}>
      <BodyEditor
        value={text}
        onChange={onChange}
        jsonSchemaUrl={jsonSchemaUrl}
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
