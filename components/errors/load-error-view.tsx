import Link from "next/link";
import { HOME_PATH } from "@/lib/routes";

/** A serialisable description of a failed Discovery load (see app/[api]/[version]/load-api.ts). */
export interface LoadErrorInfo {
  readonly kind: "unreachable" | "not-found" | "malformed" | "timeout" | "unknown";
  readonly message: string;
  readonly problems: readonly { readonly path: string; readonly message: string }[];
  /** `youtube v3` or similar: what was being loaded. */
  readonly subject: string;
}

const HEADINGS: Record<LoadErrorInfo["kind"], string> = {
  malformed: "This Discovery document is malformed",
  unreachable: "The Discovery source could not be reached",
  timeout: "The Discovery source did not answer in time",
  "not-found": "Not found",
  unknown: "The Discovery document could not be loaded",
};

const ADVICE: Record<LoadErrorInfo["kind"], string> = {
  malformed:
    "The explorer refuses to guess what a broken document means. The problems below name each place (as a JSON path) that does not follow the Discovery format.",
  unreachable: "Check the network or the EXPLORER_DISCOVERY_SOURCE setting, then try again.",
  timeout: "The source may be slow or overloaded. Try again in a moment.",
  "not-found": "Check the API name and version.",
  unknown: "Try again; if it keeps failing, check the server log.",
};

/** Rendered by a page (not thrown), so the details survive production builds where thrown messages are redacted. */
export function LoadErrorView({ error }: { readonly error: LoadErrorInfo }) {
  return (
    <section className="load-error" role="alert" aria-labelledby="load-error-title">
      <h1 id="load-error-title">{HEADINGS[error.kind]}</h1>
      <p className="load-error__subject">
        While loading <code>{error.subject}</code>: {error.message}
      </p>
      <p>{ADVICE[error.kind]}</p>
      {error.problems.length > 0 ? (
        <>
          <h2>
            {error.problems.length} problem{error.problems.length === 1 ? "" : "s"}
          </h2>
          <ol className="problem-list">
            {error.problems.map((p, i) => (
              <li key={i}>
                <code className="problem-list__path">{p.path}</code>
                <span className="problem-list__message">{p.message}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p>
        <Link href={HOME_PATH}>Back to all APIs</Link>
      </p>
    </section>
  );
}
