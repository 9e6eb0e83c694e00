import Link from "next/link";
import { headers } from "next/headers";

import { NotFoundHints } from "@/components/errors/not-found-hints";
import { getApi } from "@/lib/discovery/load";
import { findMethod } from "@/lib/discovery/model";
import { PATH_HEADER } from "@/lib/http/request-path";
import { HOME_PATH, methodPath } from "@/lib/routes";
import { nearestIds } from "@/lib/text/did-you-mean";

import { decodeParam } from "./[api]/[version]/load-api";

/** Method ids of the requested API version nearest to the one that was not found; [] when there is nothing to offer. */
async function didYouMean(): Promise<{ href: string; id: string }[]> {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  const [api, version, methodId, ...rest] = path.split("/").filter(Boolean).map(decodeParam);
  if (api === undefined || version === undefined || methodId === undefined || rest.length > 0) return [];
  try {
    const { api: model } = await getApi(api, version);
    // Next.js renders this component with every page below it, found or not: only a missing method pays.
    if (findMethod(model, methodId) !== undefined) return [];
    const ids = nearestIds(
      model.methods.map((m) => m.id),
      methodId,
    );
    return ids.map((id) => ({ id, href: methodPath(model.name, model.version, id) }));
  } catch {
    return []; // unknown API or version, or the source is down: the hints below still help
  }
}

export default async function NotFound() {
  const suggestions = await didYouMean();
  return (
    <section className="load-error" aria-labelledby="nf-title">
      <h1 id="nf-title">Not found</h1>
      <p>There is no such API, version or method in the current Discovery source.</p>
      {suggestions.length > 0 ? (
        <nav aria-labelledby="nf-did-you-mean">
          <h2 id="nf-did-you-mean">Did you mean</h2>
          <ul className="hint-list" data-testid="did-you-mean">
            {suggestions.map((s) => (
              <li key={s.id}>
                <Link href={s.href}>
                  <code>{s.id}</code>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <NotFoundHints />
      <p>
        <Link href={HOME_PATH}>Browse all APIs</Link>
      </p>
    </section>
  );
}
