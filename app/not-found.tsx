import Link from "next/link";

import { NotFoundHints } from "@/components/errors/not-found-hints";

export default function NotFound() {
  return (
    <section className="load-error" aria-labelledby="nf-title">
      <h1 id="nf-title">Not found</h1>
      <p>There is no such API, version or method in the current Discovery source.</p>
      <NotFoundHints />
      <p>
        <Link href="/">Browse all APIs</Link>
      </p>
    </section>
  );
}
