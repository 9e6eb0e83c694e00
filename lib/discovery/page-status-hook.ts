/** The hand-over of ./page-status.ts to proxy.ts through globalThis (why: see page-status.ts). No imports. */

export type PageTarget =
  { readonly kind: "directory" } | { readonly kind: "api"; readonly name: string; readonly version: string };

export type FailedLoadStatus = (target: PageTarget) => Promise<number | null>;

const HOOK = Symbol.for("google-api-explorer.failed-load-status");
type Holder = { [HOOK]?: FailedLoadStatus };

export function installFailedLoadStatus(check: FailedLoadStatus): void {
  (globalThis as Holder)[HOOK] = check;
}

/** The installed check, or undefined before instrumentation.ts ran (then pages answer as they always did). */
export function installedFailedLoadStatus(): FailedLoadStatus | undefined {
  return (globalThis as Holder)[HOOK];
}
