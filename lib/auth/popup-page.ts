/**
 * The page the sign-in window lands on after Google (GET /api/auth/callback). No token in it: it only says
 * whether sign-in worked and, through /auth-popup.js (no inline script, CSP `script-src 'self'`), tells the
 * page that started the flow to collect the token, then closes itself.
 */
export const POPUP_SCRIPT_PATH = "/auth-popup.js";

/** The callback page's own policy (route handlers are outside the pages' CSP). */
export const POPUP_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function popupPage(result: { ok: boolean; message: string; flow: string | null }): string {
  const title = result.ok ? "Signed in" : "Sign-in failed";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Google API Explorer</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2328}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}}</style>
</head>
<body data-ok="${result.ok ? "true" : "false"}" data-flow="${escapeHtml(result.flow ?? "")}">
<h1>${title}</h1>
<p id="message">${escapeHtml(result.message)}</p>
<p>You can close this window and return to the explorer.</p>
<script src="${POPUP_SCRIPT_PATH}"></script>
</body>
</html>
`;
}
