import { describe, expect, it } from "vitest";

import { channelsList, drive, filesCreate, youtube } from "./__fixtures__/models";
import { prepareRequest } from "./prepare";
import type { ExplorerRequest } from "./types";

const create = (over: Partial<ExplorerRequest> = {}): ExplorerRequest => ({
  api: "drive",
  version: "v3",
  method: filesCreate.id,
  params: {},
  body: { name: "old.txt" },
  auth: { type: "none" },
  ...over,
});

describe("prepareRequest", () => {
  it("takes the body from the editor text, not from the request's last parse", () => {
    const p = prepareRequest(drive, filesCreate, create(), '{ "name": "new.txt" }');
    expect(p.state).toBe("ready");
    if (p.state !== "ready") return;
    expect(p.request.body).toEqual({ name: "new.txt" });
    expect(p.http.body).toBe('{"name":"new.txt"}');
    expect(p.http.headers["content-type"]).toBe("application/json");
  });

  it("a body that does not parse makes the whole request invalid, with the reason, and no older body", () => {
    const p = prepareRequest(drive, filesCreate, create(), '{ "name": "new.txt" "x": 1 }');
    expect(p.state).toBe("invalid");
    if (p.state !== "invalid") return;
    expect(p.reason).toMatch(/^The request body is not valid JSON: .+/);
    expect(p.issues).toContainEqual({ param: "body", code: "body", message: p.reason });
    expect(JSON.stringify(p)).not.toContain("old.txt");
  });

  it("blank body text means no body", () => {
    const p = prepareRequest(drive, filesCreate, create(), "  \n");
    expect(p.state).toBe("ready");
    if (p.state !== "ready") return;
    expect(p.request.body).toBeNull();
    expect(p.http.body).toBeNull();
    expect(p.http.headers["content-type"]).toBeUndefined();
  });

  it("without body text, the request's own body is used", () => {
    const p = prepareRequest(drive, filesCreate, create());
    expect(p.state === "ready" && p.http.body).toBe('{"name":"old.txt"}');
  });

  it("a method without a request body ignores the text", () => {
    const req: ExplorerRequest = { ...create(), method: channelsList.id, body: null, params: { part: "id" } };
    const p = prepareRequest(youtube, channelsList, req, "not json");
    expect(p.state).toBe("ready");
  });

  it("validation issues travel with a ready request (they block Execute, not the preview)", () => {
    const req: ExplorerRequest = {
      ...create(),
      method: channelsList.id,
      body: null,
      params: { maxResults: "1e3" },
    };
    const p = prepareRequest(youtube, channelsList, req);
    expect(p.state).toBe("ready");
    expect(p.issues.map((i) => i.param)).toContain("maxResults");
  });
});
