// @ts-check
/** Framework settings only: no application logic, no secrets. */
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The snapshot documents are read from disk at request time by lib/discovery/sources (server only).
  serverExternalPackages: [],
};

module.exports = nextConfig;
