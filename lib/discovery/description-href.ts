import type { ApiModel } from "./model-types";

/**
 * The link to one description in full (app/api/description): the pages render at most MAX_DESCRIPTION_CHARS of
 * it (lib/text/render-caps.ts). No method: the API's own description; a method; or one of its parameters.
 */
export function descriptionHref(
  api: Pick<ApiModel, "name" | "version">,
  methodId?: string,
  param?: string,
): string {
  const query = new URLSearchParams();
  if (methodId !== undefined) query.set("method", methodId);
  if (param !== undefined) query.set("param", param);
  const q = query.toString();
  return `/api/description/${encodeURIComponent(api.name)}/${encodeURIComponent(api.version)}${q ? `?${q}` : ""}`;
}
