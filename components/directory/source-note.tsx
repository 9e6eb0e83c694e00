import type { SourceInfo } from "@/lib/discovery/load";

/** Where the data on this page came from, and why when the loader fell back to the snapshot. */
export function SourceNote({
  source,
  revision,
}: {
  readonly source: SourceInfo;
  readonly revision?: string | null;
}) {
  return (
    <p className={`source-note source-note--${source.kind}`}>
      <span>
        Source: <strong>{source.label}</strong>
      </span>
      {revision ? (
        <span>
          {" "}
          · Revision <strong>{revision}</strong>
        </span>
      ) : null}
      {source.fellBackFrom ? (
        <span className="source-note__fallback"> · Fell back from {source.fellBackFrom}</span>
      ) : null}
    </p>
  );
}
