/**
 * Where Discovery documents come from. A source only moves text and directory lists; parsing, validation,
 * caching and fallback live in ../load.ts.
 */
import type { FormatProblem } from "../validate";
import { redactUrlSecrets } from "./redact";
import type { RawDirectoryList } from "../types";

export interface DocumentRef {
  readonly name: string;
  readonly version: string;
  /** From the directory; the live source uses it verbatim when present. */
  readonly discoveryRestUrl?: string;
}

export interface DiscoverySource {
  readonly kind: "google" | "url" | "snapshot";
  /** Human-readable origin, e.g. `discovery.googleapis.com` or the snapshot directory. */
  readonly label: string;
  listDirectory(): Promise<RawDirectoryList>;
  fetchDocumentText(entry: DocumentRef): Promise<string>;
}

export type DiscoveryLoadErrorKind = "unreachable" | "not-found" | "malformed" | "timeout";

export class DiscoveryLoadError extends Error {
  override readonly name = "DiscoveryLoadError";
  readonly kind: DiscoveryLoadErrorKind;
  /** The source label (or URL/path) that failed. */
  readonly source: string;
  /** For `malformed`: what is wrong, with JSON paths. */
  readonly problems: readonly FormatProblem[];

  constructor(
    kind: DiscoveryLoadErrorKind,
    source: string,
    message: string,
    options: { cause?: unknown; problems?: readonly FormatProblem[] } = {},
  ) {
    // Redacted here, so no message or label built from a `user:pass@` or `?key=` URL can carry the secret anywhere.
    super(redactUrlSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.source = redactUrlSecrets(source);
    this.problems = options.problems ?? [];
  }
}

export const isDiscoveryLoadError = (e: unknown): e is DiscoveryLoadError => e instanceof DiscoveryLoadError;
