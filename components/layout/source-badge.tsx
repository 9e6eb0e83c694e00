import { getDirectory } from "@/lib/discovery/load";

/** Server component: the directory's source (live / URL / offline snapshot), or a warning when none answers. */
export async function SourceBadge() {
  const source = await getDirectory().then(
    (d) => d.source,
    () => null,
  );
  if (source !== null) {
    const kindLabel = source.kind === "google" ? "Live" : source.kind === "url" ? "Custom source" : "Offline";
    return (
      <span
        className={`source-badge source-badge--${source.kind}`}
        title={source.fellBackFrom ? `Fell back: ${source.fellBackFrom}` : `${kindLabel}: ${source.label}`}
      >
        <span className="source-badge__dot" aria-hidden="true" />
        <span className="visually-hidden">Data source: </span>
        <span className="source-badge__kind">{kindLabel}</span> {source.label}
      </span>
    );
  }
  return (
    <span className="source-badge source-badge--error">
      <span className="source-badge__dot" aria-hidden="true" />
      Data source unavailable
    </span>
  );
}
