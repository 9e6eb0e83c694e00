/**
 * GET /api/health — for load balancers and monitors: 200 when the Discovery source answers the directory, 503
 * when it does not (or takes longer than EXPLORER_HEALTH_TIMEOUT_MS, default 5 s), with the revision served.
 * The directory is the loader's cached one (an hour for live sources), so frequent probes do not hit Google.
 */
import { getDirectory } from "@/lib/discovery/load";
import { healthReport, type DirectoryOutcome } from "@/lib/health/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function timeoutMs(): number {
  const n = Number(process.env.EXPLORER_HEALTH_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? n : 5_000;
}

async function probeDirectory(): Promise<DirectoryOutcome> {
  const limit = timeoutMs();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<DirectoryOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ ok: false, error: new Error(`The Discovery source did not answer within ${limit} ms.`) }),
      limit,
    );
  });
  // getDirectory may also throw synchronously (a malformed EXPLORER_DISCOVERY_SOURCE): the async wrapper
  // turns that into a 503 as well.
  const answered = (async (): Promise<DirectoryOutcome> => {
    const dir = await getDirectory();
    return { ok: true, source: dir.source, apis: dir.entries.length };
  })().catch((error: unknown): DirectoryOutcome => ({ ok: false, error }));
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export async function GET(): Promise<Response> {
  const started = performance.now();
  const outcome = await probeDirectory();
  const revision = process.env.EXPLORER_REVISION || process.env.EXPLORER_BUILD_REVISION;
  const { status, body } = healthReport(outcome, revision, Math.round(performance.now() - started));
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
