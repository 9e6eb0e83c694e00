/**
 * The `http` target: the raw HTTP/1.1 request message the explorer sends, exactly as `input.http` describes it.
 *
 * Output (RFC 9112 message syntax, shown with `\n` line ends for display; on the wire they are CRLF):
 *
 *     POST /youtube/v3/playlists?part=snippet HTTP/1.1
 *     Host: youtube.googleapis.com
 *     authorization: Bearer {ACCESS_TOKEN}
 *     content-type: application/json
 *     Content-Length: 27
 *
 *     {"snippet":{"title":"x y"}}
 *
 * - The request target is the URL's path and query as they are (already percent-encoded by lib/request/build.ts);
 *   nothing is re-encoded or decoded.
 * - Header names and values are `input.http.headers` verbatim and in order (auth placeholders stay placeholders:
 *   this is a description of the request, not a runnable script, and never holds a secret).
 * - The body is `input.http.body` verbatim (no pretty-printing: it is the exact bytes sent). `Content-Length` is
 *   its length in UTF-8 bytes, added when the headers do not already carry one.
 * - Media uploads: the file's bytes cannot be shown, so `input.http.body` (build.ts's description, with
 *   `<contents of FILE>` standing for them and CRLF line breaks inside a multipart body) is printed verbatim and
 *   no `Content-Length` is added.
 *
 * HTTP is not a language with escapes: a header or request target containing CR/LF would be a different
 * message, so such values are refused instead of being printed: headers by the shared check of every target
 * (lib/request/header-field.ts, {@link UnsafeHeaderField}), the request line by {@link UnrepresentableInHttp}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-3 (request line), #section-5 (field syntax)
 */
import { checkHeaderField } from "@/lib/request/header-field";

import { mediaUploadApplies } from "../../prepare";
import type { SnippetInput, Target } from "../../types";
import { httpProject } from "./project";

/** A request target, method or host that an HTTP/1.1 message cannot carry verbatim (CR, LF or NUL). */
export class UnrepresentableInHttp extends Error {
  constructor(readonly what: string) {
    super(`The ${what} contains a line break or NUL, which an HTTP/1.1 message cannot carry`);
    this.name = "UnrepresentableInHttp";
  }
}

const LINE_BREAK_OR_NUL = /[\r\n\0]/;

function checked(what: string, value: string): string {
  if (LINE_BREAK_OR_NUL.test(value)) throw new UnrepresentableInHttp(what);
  return value;
}

/** Number of bytes `s` takes in UTF-8 (what `Content-Length` counts). */
export function utf8ByteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** The HTTP/1.1 request message for `input.http`, lines joined with `\n`. */
export function generateHttp(input: SnippetInput): string {
  const { method, url, headers, body } = input.http;
  const parsed = new URL(url);
  const target = checked("request target", `${parsed.pathname}${parsed.search}`);
  const lines: string[] = [
    `${checked("method", method)} ${target} HTTP/1.1`,
    `Host: ${checked("host", parsed.host)}`,
  ];
  let hasLength = false;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "host") continue;
    if (name.toLowerCase() === "content-length") hasLength = true;
    lines.push(`${name}: ${checkHeaderField(name, value)}`);
  }
  if (body !== null && !hasLength && !mediaUploadApplies(input)) {
    lines.push(`Content-Length: ${utf8ByteLength(body)}`);
  }
  lines.push("");
  if (body !== null) lines.push(body);
  return lines.join("\n") + (body === null ? "\n" : "");
}

export const httpTarget: Target = {
  id: "http",
  label: "HTTP",
  tabLabel: "HTTP",
  extension: "http",
  language: "plaintext",
  capabilities: { allPages: false, tokenCache: false, download: false, signsIn: false },
  project: httpProject,
  generate: (input) => generateHttp(input),
};
