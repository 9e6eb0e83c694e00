import Link from "next/link";
import { Suspense } from "react";

import { SearchPalette } from "@/components/search/search-palette";

import { SourceBadge } from "./source-badge";
import { ThemeToggle } from "./theme-toggle";
import type { SourceInfo } from "@/lib/discovery/load";
import { HOME_PATH, MIGRATE_PATH } from "@/lib/routes";

/**
 * The global header: app name, link home, search (/ or Ctrl-K), which Discovery source the server is reading, and
 * the colour theme. `source` is the directory's source as the layout loads it (null when none answers).
 */
export function SiteHeader({ source }: { source: Promise<SourceInfo | null> }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={HOME_PATH} className="site-header__brand">
          <span aria-hidden="true" className="site-header__logo">
            {"{ }"}
          </span>
          Google API Explorer
        </Link>
        <nav aria-label="Main" className="site-header__nav">
          <Link href={HOME_PATH}>All APIs</Link>
          <Link href={MIGRATE_PATH}>Fix my old code</Link>
        </nav>
        <SearchPalette />
        <Suspense fallback={<span className="source-badge source-badge--pending">Loading source…</span>}>
          <SourceBadge source={source} />
        </Suspense>
        <ThemeToggle />
      </div>
    </header>
  );
}
