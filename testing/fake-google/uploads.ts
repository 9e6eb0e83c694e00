// Uploads (/upload/…, /resumable/upload/…): multipart/related, media, and resumable sessions (start, then the PUT
// of the bytes), parsed into rec.upload; and the default API answer, which echoes an upload's JSON metadata.
import { parseMultipart, type UploadPart } from "./multipart";
import { googleError } from "./responses";
import type { FakeState } from "./state";
import type { ApiResponse, RecordedRequest } from "./types";

/** Parses the upload into rec.upload; returns an answer when the request ends here (resumable start, an error). */
export function parseUpload(state: FakeState, rec: RecordedRequest, buf: Buffer): ApiResponse | undefined {
  const uploadType = rec.query.find(([k]) => k === "uploadType")?.[1] ?? "";
  const sessionId = rec.query.find(([k]) => k === "upload_id")?.[1];
  const ct = rec.headers["content-type"] ?? "";
  if (sessionId !== undefined) {
    const session = state.uploadSessions.get(sessionId);
    if (!session) {
      state.problem(rec, "upload", `unknown upload_id ${sessionId}`);
      return googleError(404, "NOT_FOUND", "notFound", "Upload session not found.");
    }
    rec.upload = {
      uploadType,
      sessionId,
      phase: "data",
      parts: [{ headers: { "content-type": ct }, body: buf }],
    };
    return undefined;
  }
  if (uploadType === "multipart") {
    const parts = parseMultipart(buf, ct);
    if (!parts || parts.length !== 2) {
      state.problem(
        rec,
        "upload",
        `multipart upload with ${parts?.length ?? "unparseable"} parts (content-type ${ct})`,
      );
      return googleError(
        400,
        "INVALID_ARGUMENT",
        "badContent",
        "Multipart upload must have exactly 2 parts.",
      );
    }
    rec.upload = { uploadType, parts };
  } else if (uploadType === "media") {
    rec.upload = { uploadType, parts: [{ headers: { "content-type": ct }, body: buf }] };
  } else if (uploadType === "resumable") {
    const id = `fake-upload-session-${state.nextId()}`;
    const metadata = buf.length ? { headers: { "content-type": ct }, body: buf } : undefined;
    state.uploadSessions.set(id, { metadata, host: rec.host, path: rec.path });
    rec.upload = { uploadType, sessionId: id, phase: "start", parts: metadata ? [metadata] : [] };
    const location = `https://${rec.host}${rec.path}?${rec.rawQuery ? rec.rawQuery + "&" : ""}upload_id=${id}`;
    return { status: 200, headers: { location, "x-guploader-uploadid": id }, body: "" };
  } else {
    state.problem(rec, "upload", `unsupported uploadType "${uploadType}"`);
    return googleError(400, "INVALID_ARGUMENT", "invalidUploadType", `Invalid uploadType: ${uploadType}`);
  }
  return undefined;
}

/** 200 `{kind: "fake#response", …metadata, fakeRequest}`: what a handler-less API call gets. */
export function defaultApiResponse(state: FakeState, rec: RecordedRequest): ApiResponse {
  const json: Record<string, unknown> = {};
  const up = rec.upload;
  let meta: UploadPart | undefined;
  if (up?.uploadType === "multipart") meta = up.parts[0];
  if (up?.sessionId) meta = state.uploadSessions.get(up.sessionId)?.metadata;
  if (meta && /json/i.test(meta.headers["content-type"] ?? "")) {
    try {
      const parsed: unknown = JSON.parse(meta.body.toString("utf8"));
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(json, parsed);
    } catch {
      /* not JSON: ignore */
    }
  }
  json.kind = "fake#response";
  if (up) {
    json.id = `fake-id-${rec.seq}`;
    const media = up.parts[up.parts.length - 1];
    if (media && up.phase !== "start") json.fakeUploadedBytes = media.body.length;
  }
  json.fakeRequest = { method: rec.method, host: rec.host, path: rec.path, query: rec.query };
  return { json };
}
