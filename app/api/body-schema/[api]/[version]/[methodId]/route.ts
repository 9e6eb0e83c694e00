/**
 * GET /api/body-schema/{api}/{version}/{methodId} — the JSON Schema of the method's request body
 * (lib/discovery/body-schema.ts), fetched by the body editor when Monaco starts. 404 for an unknown method or one
 * without a body, or names outside the Discovery grammar (lib/discovery/names.ts, checked before any fetch); a
 * document that cannot be loaded answers with lib/discovery/load-status.ts's status and the reason (the editor
 * then checks plain JSON).
 */
import { bodySchemaFor } from "@/lib/discovery/body-schema";
import { getApi } from "@/lib/discovery/load";
import { loadErrorStatus } from "@/lib/discovery/load-status";
import { apiRefProblem, isMethodId } from "@/lib/discovery/names";
import { BODY_SCHEMA_PREFIX } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The URL carries the document revision: a browser may keep its copy for an hour. */
const CACHE_CONTROL = "public, max-age=3600";
const NO_STORE = { "cache-control": "no-store" };

/**
 * The three names from the request's own path, percent-decoded exactly once (`%252E` stays `%2E`, never `.`);
 * null when the path is not three segments or not valid percent-encoding.
 */
function namesOf(request: Request): [string, string, string] | null {
  const path = new URL(request.url).pathname;
  if (!path.startsWith(BODY_SCHEMA_PREFIX)) return null;
  const parts = path.slice(BODY_SCHEMA_PREFIX.length).split("/");
  if (parts.length !== 3) return null;
  try {
    return parts.map((p) => decodeURIComponent(p)) as [string, string, string];
  } catch {
    return null;
  }
}

export async function GET(request: Request): Promise<Response> {
  const names = namesOf(request);
  if (names === null)
    return Response.json(
      { error: "Expected /api/body-schema/{api}/{version}/{methodId}." },
      { status: 404, headers: NO_STORE },
    );
  const [name, version, methodId] = names;
  const problem = apiRefProblem(name, version) ?? (isMethodId(methodId) ? null : "That is not a method id.");
  if (problem !== null) return Response.json({ error: problem }, { status: 404, headers: NO_STORE });
  let api;
  try {
    ({ api } = await getApi(name, version));
  } catch (err) {
    const status = loadErrorStatus(err);
    const message = err instanceof Error ? err.message : String(err);
    return Response.json(
      {
        error: status === 404 ? `No API ${name} ${version}.` : `The document could not be loaded: ${message}`,
      },
      { status, headers: NO_STORE },
    );
  }
  const result = bodySchemaFor(api, methodId);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status, headers: NO_STORE });
  return Response.json(result.schema, { headers: { "cache-control": CACHE_CONTROL } });
}
