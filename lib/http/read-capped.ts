/**
 * Reads a request's or response's body as UTF-8 text, but never more than `maxBytes`: a declared
 * Content-Length above the cap is refused before reading, and a streamed body is cancelled as soon as it
 * passes the cap, so an oversized body costs at most `maxBytes` of memory. Used by the auth routes (request
 * bodies) and the Discovery sources (fetched documents).
 */
export type CappedText =
  | { readonly ok: true; readonly text: string }
  /** `declared` is the Content-Length that was refused, or null when the body passed the cap while streaming. */
  | { readonly ok: false; readonly declared: number | null };

export async function readCappedText(message: Request | Response, maxBytes: number): Promise<CappedText> {
  const declared = Number(message.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    return { ok: false, declared };
  }
  if (message.body === null) return { ok: true, text: "" };
  const reader = message.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, declared: null };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}
