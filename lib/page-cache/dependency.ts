/**
 * What a cached page was rendered from (./policy.ts PageDependency), asked of the Discovery loader — the pages'
 * own loader, so its caches and its revalidation of live documents (EXPLORER_DOCUMENT_TTL_MS) decide when a page
 * is stale. Every page's header shows the directory's source, so that is part of every page's dependency.
 */
import { getApi, getDirectory, type SourceInfo } from "../discovery/load";
import type { PageTarget } from "../discovery/page-status-hook";
import type { PageDependency } from "./policy";

const sourceKey = (s: SourceInfo) => [s.kind, s.label, s.fellBackFrom ?? ""].join("\u0000");

export function pageDependency(buildId: string) {
  return async (target: PageTarget): Promise<PageDependency | null> => {
    try {
      const dir = await getDirectory().catch(() => null);
      const header = dir === null ? "directory unavailable" : sourceKey(dir.source);
      if (target.kind === "directory") {
        if (dir?.fingerprint === undefined) return null;
        return { buildId, source: header, revision: "directory", fingerprint: dir.fingerprint };
      }
      const { api, source, fingerprint } = await getApi(target.name, target.version);
      if (fingerprint === undefined) return null;
      return { buildId, source: `${header}\u0000${sourceKey(source)}`, revision: api.revision, fingerprint };
    } catch {
      return null; // not loadable: the page answers with its own status, uncached
    }
  };
}
