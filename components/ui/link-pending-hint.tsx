"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a `<Link>` to a method page: a small spinner while that navigation is pending. Method pages have no
 * loading.tsx (a streamed loading state delays the form of a directly opened page: React reveals the streamed page
 * at least 300 ms after the fallback painted), so the old page stays until the new one is ready, and this is the
 * feedback meanwhile. Always rendered at a fixed size, so it shifts nothing.
 * @see node_modules/next/dist/docs/01-app/03-api-reference/04-functions/use-link-status.md
 */
export function LinkPendingHint() {
  const { pending } = useLinkStatus();
  return <span className={pending ? "link-hint link-hint--pending" : "link-hint"} aria-hidden="true" />;
}
