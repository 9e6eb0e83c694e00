// @ts-check
/** Framework settings only: no application logic, no secrets. */

/** Mirrors STATIC_SECURITY_HEADERS in lib/security/csp.ts (a unit test keeps them equal). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** The commit being built, shown by /api/health (EXPLORER_REVISION at run time overrides it). */
function buildRevision() {
  try {
    // This config is CommonJS (module.exports), so require is the way to load a Node module here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("node:child_process")
      .execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      })
      .trim();
  } catch {
    return "";
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `node <distDir>/standalone/server.js` runs on any Node host without node_modules (README: production).
  output: "standalone",
  env: { EXPLORER_BUILD_REVISION: buildRevision() },
  // A second build folder lets a benchmark or a parallel e2e run build without touching .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The snapshot documents are read from disk at request time by lib/discovery/sources (server only).
  serverExternalPackages: [],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON route handlers: nothing in them may run or be framed. (The sign-in start/callback pages set their
      // own policy, lib/auth/popup-page.ts; a second CSP header here would block their script.)
      ...["/api/search-index", "/api/auth/session", "/api/auth/revoke"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      })),
    ];
  },
};

module.exports = nextConfig;
