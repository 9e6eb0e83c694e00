/**
 * multipart/* bodies (uploads) as the fake Google records them and the comparators read them. Tolerates LF-only
 * line endings (Python's email generator writes them) and keeps binary bytes (latin1 round trip).
 */
export interface UploadPart {
  /** Lower-cased part headers. */
  headers: Record<string, string>;
  body: Buffer;
}

/** Parses a multipart/related (or any multipart) body; tolerates LF-only line endings (Python's email generator). */
export function parseMultipart(body: Buffer, contentType: string): UploadPart[] | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const text = body.toString("latin1");
  const esc = boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const delim = new RegExp(`(?:^|\\r?\\n)--${esc}(--)?[ \\t]*(?:\\r?\\n|$)`, "g");
  const parts: UploadPart[] = [];
  let last: number | undefined;
  let mm: RegExpExecArray | null;
  while ((mm = delim.exec(text))) {
    if (last !== undefined) {
      const chunk = text.slice(last, mm.index);
      const sep = /\r?\n\r?\n/.exec(chunk);
      const headText = sep ? chunk.slice(0, sep.index) : "";
      const bodyText = sep ? chunk.slice(sep.index + sep[0].length) : chunk;
      const headers: Record<string, string> = {};
      for (const line of headText.split(/\r?\n/)) {
        const i = line.indexOf(":");
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      parts.push({ headers, body: Buffer.from(bodyText, "latin1") });
    }
    if (mm[1]) break;
    last = mm.index + mm[0].length;
  }
  return parts;
}
