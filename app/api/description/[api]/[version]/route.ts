/**
 * GET /api/description/{api}/{version}[?method={id}[&param={name}]] — one description in full, as plain text:
 * pages render at most MAX_DESCRIPTION_CHARS of it (lib/text/render-caps.ts) and link here for the rest. Plain
 * text (with nosniff, next.config.js) cannot run anything, so the raw document text is safe to answer verbatim.
 */
import { getApi } from "@/lib/discovery/load";
import { loadErrorStatus } from "@/lib/discovery/load-status";
import { findMethod } from "@/lib/discovery/model";
import type { ApiModel } from "@/lib/discovery/model-types";
import { apiRefProblem } from "@/lib/discovery/names";
import { DESCRIPTION_PREFIX } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const TEXT = { "content-type": "text/plain; charset=utf-8" };

function descriptionOf(api: ApiModel, methodId: string | null, param: string | null): string | undefined {
  if (methodId === null) return api.description;
  const method = findMethod(api, methodId);
  if (method === undefined) return undefined;
  if (param === null) return method.description;
  return [...method.parameters, ...api.standardParameters].find((p) => p.name === param)?.description;
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parts = url.pathname.slice(DESCRIPTION_PREFIX.length).split("/");
  let name = "";
  let version = "";
  try {
    [name, version] = parts.map((p) => decodeURIComponent(p)) as [string, string];
  } catch {
    // falls through to the grammar check
  }
  const problem =
    parts.length === 2 ? apiRefProblem(name, version) : "Expected /api/description/{api}/{version}.";
  if (problem !== null) return new Response(`${problem}\n`, { status: 404, headers: TEXT });
  let api;
  try {
    ({ api } = await getApi(name, version));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return new Response(`${message}\n`, { status: loadErrorStatus(err), headers: TEXT });
  }
  const text = descriptionOf(api, url.searchParams.get("method"), url.searchParams.get("param"));
  if (text === undefined)
    return new Response("No such method or parameter.\n", { status: 404, headers: TEXT });
  return new Response(text, { headers: { ...TEXT, "cache-control": "public, max-age=3600" } });
}
