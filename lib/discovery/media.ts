/**
 * Media upload metadata (RawMethod.mediaUpload → MediaUploadModel).
 */
import type { MediaUploadModel } from "./model-types";
import type { RawMediaUpload } from "./types";

/** Binary multiples, as google-api-python-client's `_MEDIA_SIZE_BIT_SHIFTS` (1KB = 1024 bytes). */
const UNITS: Readonly<Record<string, number>> = { KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 };

/**
 * Parses `maxSize` ("1048576", "1KB", "5TB") to bytes.
 *
 * Returns null when absent, unparsable or 0: python treats a limit of 0 as "no limit" (`if maxSize > 0 and …`).
 * Unlike python's `_media_size_to_long` a one-character value such as "5" is 5 bytes, not "no limit" — that quirk
 * comes from its `len(maxSize) < 2` guard and no real document relies on it.
 * @see googleapiclient/discovery.py `_media_size_to_long`
 */
export function parseMaxSize(maxSize: string | undefined): number | null {
  if (maxSize === undefined) return null;
  const m = /^\s*(\d+)\s*([KMGT]B)?\s*$/i.exec(maxSize);
  if (!m) return null;
  const bytes = Number(m[1]) * (m[2] ? UNITS[m[2].toUpperCase()]! : 1);
  return bytes > 0 && Number.isFinite(bytes) ? bytes : null;
}

export function buildMediaUpload(raw: RawMediaUpload | undefined): MediaUploadModel | null {
  if (!raw) return null;
  const { simple, resumable } = raw.protocols ?? {};
  return {
    accept: [...(raw.accept ?? [])],
    maxSizeBytes: parseMaxSize(raw.maxSize),
    simplePath: simple?.path ?? null,
    resumablePath: resumable?.path ?? null,
    multipart: simple?.multipart ?? resumable?.multipart ?? false,
  };
}
