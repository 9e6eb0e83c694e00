/**
 * The HTTP status of a failed Discovery load, one table for every page and route: the source's failure is a
 * gateway's (502 unreachable or failing, 504 too slow), a document the explorer refuses is 422, an unknown name
 * 404, anything else 500.
 */
const STATUS: Readonly<Record<string, number>> = {
  "not-found": 404,
  malformed: 422,
  unreachable: 502,
  timeout: 504,
};

/** Duck-typed on `kind` (DiscoveryLoadError): the class may come from another bundle (proxy vs. pages). */
export function loadErrorStatus(err: unknown): number {
  const kind = typeof err === "object" && err !== null ? (err as { kind?: unknown }).kind : undefined;
  return typeof kind === "string" && Object.hasOwn(STATUS, kind) ? STATUS[kind]! : 500;
}
