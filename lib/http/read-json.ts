/**
 * Reads the answer of one of the app's own JSON routes (/api/search-index, /api/body-schema/…). Their failures
 * answer `{ "error": "…" }` with a message meant for the user: that message becomes the thrown error's, so the UI
 * shows the server's reason rather than a bare status. A body that is not JSON reads as null.
 */
export async function readJsonResponse(res: Response, what: string): Promise<unknown> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
    throw new Error(
      typeof error === "string" && error !== "" ? error : `${what} answered HTTP ${res.status}.`,
    );
  }
  return body;
}
