import Link from "next/link";

import type { DirectoryEntry } from "@/lib/discovery/directory";
import { plainText } from "@/lib/html/sanitize";
import { apiPath } from "@/lib/routes";

interface ApiGroup {
  readonly name: string;
  /** The preferred version's entry (else the first listed). */
  readonly main: DirectoryEntry;
  readonly versions: readonly DirectoryEntry[];
}

function groupByName(entries: readonly DirectoryEntry[]): ApiGroup[] {
  const byName = new Map<string, DirectoryEntry[]>();
  for (const e of entries) {
    const list = byName.get(e.name);
    if (list) list.push(e);
    else byName.set(e.name, [e]);
  }
  return [...byName.entries()]
    .map(([name, versions]) => ({ name, versions, main: versions.find((v) => v.preferred) ?? versions[0]! }))
    .sort((a, b) => a.main.title.localeCompare(b.main.title, "en") || a.name.localeCompare(b.name, "en"));
}

/**
 * The directory as a server-rendered list, one row per API name with a link per version (the preferred version
 * marked). Rows carry `data-filter` text for <FilterBox>.
 */
export function ApiDirectory({
  id,
  entries,
}: {
  readonly id: string;
  readonly entries: readonly DirectoryEntry[];
}) {
  const groups = groupByName(entries);
  if (groups.length === 0) return <p className="empty">No APIs match.</p>;
  return (
    <ul id={id} className="api-directory">
      {groups.map((g) => {
        const summary = plainText(g.main.description, 180);
        const filterText = [
          g.name,
          g.main.title,
          summary,
          ...g.versions.map((v) => `${v.version} ${v.name}:${v.version}`),
        ].join(" ");
        return (
          <li key={g.name} className="api-card" data-filter={filterText}>
            <div className="api-card__head">
              <h2 className="api-card__title">
                <Link href={apiPath(g.main.name, g.main.version)}>{plainText(g.main.title) || g.name}</Link>
              </h2>
              <code className="api-card__name">{g.name}</code>
            </div>
            {summary ? <p className="api-card__description">{summary}</p> : null}
            <ul className="api-card__versions" aria-label={`Versions of ${g.name}`}>
              {g.versions.map((v) => (
                <li key={v.version}>
                  <Link
                    href={apiPath(v.name, v.version)}
                    className={v.preferred ? "version-chip version-chip--preferred" : "version-chip"}
                    title={v.preferred ? "Preferred version" : undefined}
                  >
                    {v.version}
                    {v.preferred ? <span className="visually-hidden"> (preferred)</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
