/**
 * Requests answered at the Node.js HTTP server, before Next.js sees them (instrumentation.ts installs these on
 * http.Server.prototype when the server starts):
 * - 405 for TRACE and TRACK: Next builds a WHATWG Request for every request (the proxy's too), and undici refuses
 *   to construct one with these methods ("'TRACE' HTTP method is unsupported"), which Next answered with a 500
 *   and a stack trace in the log;
 * - any other interceptor given to interceptRequests (the precompressed search index: Next.js drops a route
 *   handler's Content-Encoding, lib/search/serve-encoded-index.ts).
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export const REFUSED_METHODS: ReadonlySet<string> = new Set(["TRACE", "TRACK"]);

/**
 * Answers `req` itself and returns true, or returns false to let the app handle it. Must decide synchronously;
 * one that took a request may still hand it to the app later with `toApp` (the page cache does, on a miss).
 */
export type Interceptor = (req: IncomingMessage, res: ServerResponse, toApp: () => void) => boolean;

type Emit = Server["emit"];
type Target = { emit: Emit };

/** Wraps `target.emit` (a server, or http.Server.prototype) once per `name` so `intercept` sees every request. */
export function interceptRequests(target: Target, name: string, intercept: Interceptor): void {
  const key = Symbol.for(`google-api-explorer.intercept.${name}`);
  const marks = target as unknown as Record<symbol, boolean>;
  if (marks[key]) return;
  const emit = target.emit;
  target.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => (emit as (this: Server, ...a: unknown[]) => boolean).call(this, event, ...args);
    if (event === "request" && intercept(args[0] as IncomingMessage, args[1] as ServerResponse, forward))
      return true;
    return forward();
  } as Emit;
  marks[key] = true;
}

export const refuseMethod: Interceptor = (req, res) => {
  if (!REFUSED_METHODS.has((req.method ?? "").toUpperCase())) return false;
  res.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "text/plain; charset=utf-8" });
  res.end(`${req.method} is not allowed.\n`);
  return true;
};

export function refuseUnsupportedMethods(target: Target): void {
  interceptRequests(target, "refuse-methods", refuseMethod);
}
