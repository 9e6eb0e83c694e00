// @ts-check
/** Framework settings only: no application logic, no secrets. */
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build folder lets a benchmark or a parallel e2e run build without touching .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The snapshot documents are read from disk at request time by lib/discovery/sources (server only).
  serverExternalPackages: [],
};

module.exports = nextConfig;
