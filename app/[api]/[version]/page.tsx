import type { Metadata } from "next";

import { ApiHeader } from "@/components/api/api-header";
import { ResourceTree } from "@/components/api/resource-tree";
import { ScopeList } from "@/components/api/scope-list";
import { LoadErrorView } from "@/components/errors/load-error-view";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { FilterBox } from "@/components/ui/filter-box";

import { apiLabel, decodeParam, loadApi } from "./load-api";

export const dynamic = "force-dynamic";

interface ApiPageProps {
  readonly params: Promise<{ api: string; version: string }>;
}

export async function generateMetadata({ params }: ApiPageProps): Promise<Metadata> {
  const { api, version } = await params;
  const loaded = await loadApi(api, version);
  if (!loaded.ok) return { title: `${decodeParam(api)} ${decodeParam(version)}` };
  return { title: apiLabel(loaded.api) };
}

export default async function ApiPage({ params }: ApiPageProps) {
  const p = await params;
  const loaded = await loadApi(p.api, p.version);
  if (!loaded.ok) return <LoadErrorView error={loaded.error} />;
  const { api, source } = loaded;
  return (
    <>
      <Breadcrumbs items={[{ label: "APIs", href: "/" }, { label: apiLabel(api) }]} />
      <ApiHeader api={api} source={source} />
      <div className="api-layout">
        <section aria-labelledby="methods-title" className="api-layout__methods">
          <h2 id="methods-title">Resources and methods</h2>
          <FilterBox
            targetId="resource-tree"
            label="Filter methods"
            placeholder="e.g. list, insert, channels"
            noun="methods"
          />
          <ResourceTree id="resource-tree" api={api} />
        </section>
        <section aria-labelledby="scopes-title" className="api-layout__scopes">
          <h2 id="scopes-title">OAuth scopes</h2>
          <ScopeList scopes={api.scopes} />
        </section>
      </div>
    </>
  );
}
