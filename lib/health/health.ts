/**
 * The body and status of GET /api/health, from what the Discovery loader answered (pure: the route does the IO).
 * A load balancer takes 200 as "send traffic here" and 503 as "take me out"; people read `source` and `revision`.
 * Source labels and failure messages may contain a URL with credentials (`https://user:pass@mirror/…`, `?key=…`):
 * they pass through redactUrlSecrets (lib/discovery/sources/redact.ts) before they are shown.
 */
import type { SourceInfo } from "../discovery/load";
import { redactUrlSecrets } from "../discovery/sources/redact";

export interface HealthBody {
  /** True when the Discovery source answered the directory: the explorer can serve pages. */
  readonly ok: boolean;
  /** Same as ok, named for monitors that look for it. */
  readonly reachable: boolean;
  /** Which source answers (`snapshot`, `google`, `url`) and its redacted label; null when none did. */
  readonly source: { readonly kind: string; readonly label: string } | null;
  /** When live Google was down and the snapshot answered instead: why live failed (redacted). */
  readonly fellBackFrom?: string;
  /** How many API versions the directory lists. */
  readonly apis?: number;
  /** Why the source did not answer (redacted). */
  readonly error?: string;
  /** The application revision being served (git commit at build time, or EXPLORER_REVISION). */
  readonly revision?: string;
  /** How long the check took, ms. */
  readonly ms: number;
}

export type DirectoryOutcome =
  | { readonly ok: true; readonly source: SourceInfo; readonly apis: number }
  | { readonly ok: false; readonly error: unknown };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** 200 with the source when the directory answered, 503 with the (redacted) reason otherwise. */
export function healthReport(
  outcome: DirectoryOutcome,
  revision: string | undefined,
  ms: number,
): { status: 200 | 503; body: HealthBody } {
  const rev = revision === undefined || revision.trim() === "" ? {} : { revision: revision.trim() };
  if (!outcome.ok)
    return {
      status: 503,
      body: {
        ok: false,
        reachable: false,
        source: null,
        error: redactUrlSecrets(messageOf(outcome.error)),
        ...rev,
        ms,
      },
    };
  const { source } = outcome;
  return {
    status: 200,
    body: {
      ok: true,
      reachable: true,
      source: { kind: source.kind, label: redactUrlSecrets(source.label) },
      ...(source.fellBackFrom === undefined ? {} : { fellBackFrom: redactUrlSecrets(source.fellBackFrom) }),
      apis: outcome.apis,
      ...rev,
      ms,
    },
  };
}
