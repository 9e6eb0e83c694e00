/**
 * The typed target registry (style anchor 2): every TargetId maps to exactly one Target, checked at compile time.
 */
import { curlTarget } from "./targets/curl/curl";
import { httpTarget } from "./targets/http/http";
import { pythonTarget } from "./targets/python/client";
import { typescriptTarget } from "./targets/typescript/client";
import { resolveSnippetOptions, snippetRefusal, SnippetRefused } from "./request-options";
import type { SnippetInput, SnippetOptions, Target, TargetId } from "./types";
import { TARGET_IDS } from "./types";

export const TARGETS: Readonly<Record<TargetId, Target>> = {
  typescript: typescriptTarget,
  python: pythonTarget,
  curl: curlTarget,
  http: httpTarget,
};

export function isTargetId(id: string): id is TargetId {
  return (TARGET_IDS as readonly string[]).includes(id);
}

/**
 * One snippet: the request's own options applied (resolveSnippetOptions: `alt=media` is a download in every
 * target), or a SnippetRefused when the target's library cannot send what the explorer shows. Throws otherwise
 * (from the escapers) only for values no literal can carry, e.g. a non-finite number.
 */
export function generateSnippet(
  targetId: TargetId,
  input: SnippetInput,
  options: SnippetOptions = {},
): string {
  const refusal = snippetRefusal(TARGETS[targetId], input);
  if (refusal !== null) throw new SnippetRefused(refusal);
  return TARGETS[targetId].generate(input, resolveSnippetOptions(input, options));
}
