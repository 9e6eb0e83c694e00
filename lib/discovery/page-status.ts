/**
 * The status check proxy.ts runs before a page renders: the page's Discovery load, and the HTTP status it failed
 * with (null when it loads, or is a 404 the page's own notFound() answers).
 *
 * The proxy cannot import this module: bundling the loader into the proxy makes Turbopack trace the snapshot
 * folder (.venv) into it. So instrumentation.ts installs the check on globalThis when the server starts, and the
 * proxy (Node.js runtime, in-process with the pages, see next-server's runMiddleware) calls it through
 * ./page-status-hook.ts; the loader's caches are the pages' own, so the render reuses what the check loaded.
 */
import { getApi, getDirectory } from "./load";
import { loadErrorStatus } from "./load-status";
import type { PageTarget } from "./page-status-hook";

export async function failedLoadStatus(target: PageTarget): Promise<number | null> {
  try {
    if (target.kind === "directory") await getDirectory();
    else await getApi(target.name, target.version);
    return null;
  } catch (err) {
    const status = loadErrorStatus(err);
    return status === 404 ? null : status;
  }
}
