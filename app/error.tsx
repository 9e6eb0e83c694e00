"use client";

import Link from "next/link";
import { useEffect } from "react";
import { HOME_PATH } from "@/lib/routes";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.warn("Explorer page failed:", error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <section className="load-error" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>
        The page could not be rendered. This is usually temporary (the Discovery source timed out or was
        unreachable).
      </p>
      {digest ? (
        <p className="muted">
          Error reference: <code>{digest}</code> (search the server log for it)
        </p>
      ) : (
        <p className="muted">
          <code>{message}</code>
        </p>
      )}
      <p className="actions">
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
        <Link href={HOME_PATH}>Back to all APIs</Link>
      </p>
    </section>
  );
}
