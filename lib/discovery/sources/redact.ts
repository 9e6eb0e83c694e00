/**
 * Credentials never leave the server: a base URL such as `http://user:pass@host` is used for its Authorization
 * header only, and every label, message, log line and health report is passed through redactUrlSecrets (the one
 * spelling of the rule: lib/discovery and lib/health both use it).
 */

/**
 * Hides URL userinfo (`user:pass@`) and query values (`?key=…`) wherever a URL appears in `text`; the rest stays
 * readable. `https://u:p@host/x?key=abc&v=1` → `https://***@host/x?key=***&v=***`.
 */
export function redactUrlSecrets(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)/gi, (_m, scheme: string, authority: string) => {
      const at = authority.lastIndexOf("@");
      return scheme + (at === -1 ? authority : `***@${authority.slice(at + 1)}`);
    })
    .replace(/([?&][^=&#\s"'<>]+=)[^&#\s"'<>]*/g, "$1***");
}

/** A URL split into the one without userinfo and the Basic Authorization header it stood for (if any). */
export function splitCredentials(url: string): { readonly url: string; readonly authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url: redactUrlSecrets(url) };
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
