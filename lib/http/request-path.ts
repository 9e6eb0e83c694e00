/**
 * The request path as a request header, for server components that get no params (app/not-found.tsx). proxy.ts
 * sets it on every page request (overwriting whatever the client sent), so it cannot be forged.
 */
export const PATH_HEADER = "x-explorer-path";
