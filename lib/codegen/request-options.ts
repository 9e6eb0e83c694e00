/**
 * What the request itself asks of a snippet, beyond the user's options. Pure.
 *
 * `alt` is a standard parameter, but the client libraries do not simply pass it on:
 * - google-api-python-client's models overwrite it: every call sends `alt=json`, and only the generated
 *   `<method>_media` variant (methods with `supportsMediaDownload`) sends `alt=media`
 *   (googleapiclient/model.py `BaseModel._build_query`: `params.update({"alt": self.alt_param})`).
 * - googleapis passes `alt: 'media'` on, but parses the answer as JSON unless the call asks for a stream.
 * So `alt=media` means "download the media": the snippet is the "download to file" snippet, in every target, and
 * where a library cannot send the request's `alt` at all the target refuses, saying why.
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/model.py
 */
import type { SnippetInput, SnippetOptions, Target } from "./types";

/** Where a download goes when the request asks for media (alt=media) without naming a file. */
export const DEFAULT_DOWNLOAD_FILE = "download.bin";

/** A target cannot emit code that sends the request shown; the message says why and what to change. */
export class SnippetRefused extends Error {
  override readonly name = "SnippetRefused";
}

/** The request's `alt` value, when it sets one. */
export function requestAlt(input: SnippetInput): string | undefined {
  // A method's own `alt` parameter is overwritten by the Python library just the same.
  const alt = input.params.find((p) => p.name === "alt");
  return alt === undefined ? undefined : String(alt.value);
}

/** True when the request asks for the media itself (`alt=media`) of a method that supports downloads. */
export function requestAsksForMedia(input: SnippetInput): boolean {
  return requestAlt(input) === "media" && input.method.supportsMediaDownload;
}

/** The options the snippet is generated with: `alt=media` turns the download on (default file download.bin). */
export function resolveSnippetOptions(input: SnippetInput, options: SnippetOptions = {}): SnippetOptions {
  if (!requestAsksForMedia(input)) return options;
  if (options.downloadTo !== undefined && options.downloadTo !== "") return options;
  return { ...options, downloadTo: DEFAULT_DOWNLOAD_FILE };
}

/**
 * Why `target` cannot send this request as shown, or null: a request that sets `alt` to something other than
 * json asks the target's own rule (Target.refuseAlt), since the client libraries rewrite `alt`.
 */
export function snippetRefusal(target: Pick<Target, "refuseAlt">, input: SnippetInput): string | null {
  const alt = requestAlt(input);
  if (alt === undefined || alt === "json") return null;
  return target.refuseAlt?.(input, alt) ?? null;
}
