/**
 * Credentials never leave the server: a base URL such as `http://user:pass@host` is used for its Authorization
 * header only, and every label, message and log line is passed through redactCredentials.
 */

/** `scheme://user:pass@host` (or `scheme://user@host`) anywhere in a text → `scheme://***@host`. */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, "$1***@");
}

/** A URL split into the one without userinfo and the Basic Authorization header it stood for (if any). */
export function splitCredentials(url: string): { readonly url: string; readonly authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url: redactCredentials(url) };
  }
  if (parsed.username === "" && parsed.password === "") return { url };
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = "";
  parsed.password = "";
  return {
    url: parsed.toString(),
    authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`,
  };
}
