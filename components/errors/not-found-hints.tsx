"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { apiPath, directorySearchPath } from "@/lib/routes";

/** Links that step back up from the path that was not found: the API's versions (via the filter) and its page. */
export function NotFoundHints() {
  const pathname = usePathname() ?? "/";
  const parts = pathname
    .split("/")
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [api, version, method] = parts;
  if (api === undefined) return null;
  return (
    <ul className="hint-list">
      <li>
        You asked for <code>{parts.join(" / ")}</code>.
      </li>
      {method !== undefined && version !== undefined ? (
        <li>
          Method ids are written exactly as in the document, e.g. <code>youtube.channels.list</code>. See{" "}
          <Link href={apiPath(api, version)}>
            all methods of {api} {version}
          </Link>
          .
        </li>
      ) : null}
      <li>
        <Link href={directorySearchPath(api)}>Search the directory for “{api}”</Link> to see which versions
        exist.
      </li>
    </ul>
  );
}
