import Link from "next/link";

import { ApiDirectory } from "@/components/directory/api-directory";
import { SourceNote } from "@/components/directory/source-note";
import { LoadErrorView } from "@/components/errors/load-error-view";
import { FilterBox } from "@/components/ui/filter-box";
import { filterDirectory } from "@/lib/discovery/directory";
import { getDirectory } from "@/lib/discovery/load";
import { HOME_PATH } from "@/lib/routes";

export const dynamic = "force-dynamic";

interface DirectoryPageProps {
  readonly searchParams: Promise<{ q?: string | string[] }>;
}

export default async function DirectoryPage({ searchParams }: DirectoryPageProps) {
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q)?.trim() ?? "";
  const loaded = await getDirectory().catch((err: unknown) => ({ failed: err }) as const);
  if ("failed" in loaded) {
    const err = loaded.failed;
    const e = (typeof err === "object" && err !== null ? err : {}) as { kind?: string; message?: string };
    return (
      <LoadErrorView
        error={{
          kind:
            e.kind === "unreachable" || e.kind === "timeout" || e.kind === "malformed" ? e.kind : "unknown",
          message: e.message ?? String(err),
          problems: [],
          subject: "the API directory",
        }}
      />
    );
  }
  const { entries, source } = loaded;
  const shown = query === "" ? entries : filterDirectory(entries, query);
  const apiCount = new Set(entries.map((e) => e.name)).size;
  return (
    <>
      <section className="intro" aria-labelledby="directory-title">
        <h1 id="directory-title">Google APIs</h1>
        <p className="lede">
          {apiCount} APIs in {entries.length} versions. Pick one to see its resources and methods; the
          preferred version of each API is highlighted.
        </p>
        <SourceNote source={source} />
      </section>
      <FilterBox
        targetId="api-directory"
        label="Filter APIs"
        placeholder="e.g. youtube, drive, compute"
        name="q"
        defaultValue={query}
        noun="APIs"
      />
      {query !== "" && shown.length < entries.length ? (
        <p className="hint">
          Showing the versions matching “{query}”. <Link href={HOME_PATH}>Show all</Link>
        </p>
      ) : null}
      <ApiDirectory id="api-directory" entries={shown} />
    </>
  );
}
