/**
 * The one check every HTTP header name and value goes through, in every target (the HTTP preview, cURL, HTTP,
 * Python `headers=` / `mimetype=`, TypeScript `media.mimeType`, the multipart part header, Execute). Pure.
 *
 * A CR or LF in a header value ends that header: what follows is sent as another header, or after a blank line
 * as a body or a second request (request splitting). NUL is refused by every HTTP stack and cut short by some.
 * So a value that holds any of them is refused with a {@link UnsafeHeaderField} naming the header and where the
 * value came from, never escaped or silently trimmed: the page must show what is sent.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.5 (field values: CR, LF and NUL are invalid)
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.1 (field names are tokens)
 */

/** A header name or value that would change the message if sent (line break or NUL; a name that is no token). */
export class UnsafeHeaderField extends Error {
  constructor(
    /** The header, e.g. `x-goog-api-version`. */
    readonly header: string,
    /** Where the value came from, e.g. `the method's apiVersion in the Discovery document`. */
    readonly source: string | undefined,
    reason: string,
  ) {
    super(
      `Refusing the ${JSON.stringify(header)} header${source !== undefined ? ` (from ${source})` : ""}: ${reason}`,
    );
    this.name = "UnsafeHeaderField";
  }
}

const LINE_BREAK_OR_NUL = /[\r\n\0]/;
/** RFC 9110 `token`. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why `value` cannot be a header value, or null when it can. */
export function headerValueProblem(value: string): string | null {
  return LINE_BREAK_OR_NUL.test(value)
    ? "its value contains a line break (CR or LF) or NUL, which would end the header and inject what follows"
    : null;
}

/** Returns `value` when `name: value` can be sent as one header; throws {@link UnsafeHeaderField} otherwise. */
export function checkHeaderField(name: string, value: string, source?: string): string {
  if (!TOKEN.test(name)) {
    throw new UnsafeHeaderField(
      name,
      source,
      "its name is not an HTTP token (letters, digits and !#$%&'*+.^_`|~-)",
    );
  }
  const problem = headerValueProblem(value);
  if (problem !== null) throw new UnsafeHeaderField(name, source, problem);
  return value;
}

/** Checks every header of a map; returns it unchanged. */
export function checkHeaderFields<T extends Readonly<Record<string, string>>>(headers: T): T {
  for (const [name, value] of Object.entries(headers)) checkHeaderField(name, value);
  return headers;
}
