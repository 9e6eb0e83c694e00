import type { SourceInfo } from "@/lib/discovery/load";

/**
 * Server component: the directory's source (live / URL / offline snapshot), or a warning when none answers
 * (`null`). It awaits a promise the layout started, so the header streams before the directory has loaded.
 */
export async function SourceBadge({ source: pending }: { source: Promise<SourceInfo | null> }) {
  const source = await pending;
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
