/**
 * Shared by the Python and TypeScript targets for auth.flow "headless" (no browser on the machine that runs the
 * snippet). Pure.
 */

/**
 * A loopback redirect URI, as a Desktop-app OAuth client requires. Nothing listens on it: the browser's failed
 * page load keeps `code` and `state` in its address bar, which the user pastes back. A fixed port so the SSH
 * alternative in the header can forward it.
 */
export const HEADLESS_PORT = 8080;
export const HEADLESS_REDIRECT_URI = `http://localhost:${HEADLESS_PORT}/`;

/**
 * The header lines of a headless snippet: how to sign in, and the SSH alternative (`loopbackPort` names where
 * the loopback snippet's port is set, in the target's language).
 */
export function pushHeadlessHeader(
  push: (line: string) => void,
  comment: "#" | "//",
  loopbackPort: string,
): void {
  const lines = [
    "  Keep it next to this file. No browser on this machine: the snippet prints a sign-in URL; open it on",
    "  any device and sign in. The browser then fails to load a page on",
    `  ${HEADLESS_REDIRECT_URI}?code=…&state=… — copy that whole address from its address bar and`,
    "  paste it here. The snippet checks the state and exchanges the code with its PKCE (S256) verifier.",
    `Alternative: ssh -L ${HEADLESS_PORT}:localhost:${HEADLESS_PORT} <this machine> from a machine with a browser,`,
    `  then run the loopback-flow snippet here with ${loopbackPort}.`,
  ];
  for (const line of lines) push(`${comment} ${line}`);
}
