/**
 * 405 for TRACE, TRACK and CONNECT, answered at the Node.js HTTP server before Next.js sees the request: Next
 * builds a WHATWG Request for every request (the proxy's too), and undici refuses to construct one with these
 * methods ("'TRACE' HTTP method is unsupported"), which Next answered with a 500 and a stack trace in the log.
 * instrumentation.ts installs this on http.Server.prototype when the server starts.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export const REFUSED_METHODS: ReadonlySet<string> = new Set(["TRACE", "TRACK", "CONNECT"]);
const INSTALLED = Symbol.for("google-api-explorer.refuse-methods");

type Emit = Server["emit"];
type Target = { emit: Emit; [INSTALLED]?: true };

/** Wraps `target.emit` (a server, or http.Server.prototype) so refused methods get a 405 and go no further. */
export function refuseUnsupportedMethods(target: Target): void {
  if (target[INSTALLED]) return;
  const emit = target.emit;
  target.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (REFUSED_METHODS.has((req.method ?? "").toUpperCase())) {
        res.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "text/plain; charset=utf-8" });
        res.end(`${req.method} is not allowed.\n`);
        return true;
      }
    }
    return (emit as (this: Server, ...a: unknown[]) => boolean).call(this, event, ...args);
  } as Emit;
  target[INSTALLED] = true;
}
