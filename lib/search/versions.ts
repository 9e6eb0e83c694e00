/**
 * Which version of an API to rank first. Pure.
 */
import { compareVersions } from "../discovery/directory";
import type { SearchIndex } from "./types";

export const isStable = (v: string) => /^v\d+(\.\d+)*$/.test(v);
const major = (v: string) => Number(/^v(\d+)/.exec(v)?.[1] ?? NaN);

/**
 * Per API version: preferred 1, else stable 0.97, else 0.94. An API whose preferred version is a pre-release but
 * that also has a stable version of at least its major number (sqladmin: v1beta4 preferred, v1 shipped later) has
 * the newest such stable version count as preferred instead.
 */
export function versionFactors(index: SearchIndex): Float32Array {
  const factors = new Float32Array(index.apis.length);
  const byName = new Map<string, number[]>();
  index.apis.forEach((a, i) => {
    const list = byName.get(a.n);
    if (list) list.push(i);
    else byName.set(a.n, [i]);
  });
  for (const list of byName.values()) {
    let preferred = list.filter((i) => index.apis[i]!.p === 1);
    const pre = preferred.filter((i) => !isStable(index.apis[i]!.v));
    if (pre.length > 0) {
      const least = Math.min(...pre.map((i) => major(index.apis[i]!.v)));
      const stable = list
        .filter((i) => isStable(index.apis[i]!.v) && major(index.apis[i]!.v) >= least)
        .sort((x, y) => compareVersions(index.apis[y]!.v, index.apis[x]!.v));
      if (stable.length > 0) preferred = [stable[0]!];
    }
    for (const i of list) factors[i] = preferred.includes(i) ? 1 : isStable(index.apis[i]!.v) ? 0.97 : 0.94;
  }
  return factors;
}
