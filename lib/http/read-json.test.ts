import { describe, expect, it } from "vitest";

import { readJsonResponse } from "./read-json";

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("readJsonResponse", () => {
  it("returns the parsed body of a successful answer", async () => {
    await expect(readJsonResponse(json({ a: [1, "x"] }, 200), "The index")).resolves.toEqual({ a: [1, "x"] });
  });

  it("reads a body that is not JSON as null (the caller's format check then names the problem)", async () => {
    await expect(readJsonResponse(new Response("<html>", { status: 200 }), "The index")).resolves.toBeNull();
  });

  it("throws the route's own reason for a failure", async () => {
    await expect(
      readJsonResponse(json({ error: "drive.files.list takes no request body." }, 404), "The body schema"),
    ).rejects.toThrow("drive.files.list takes no request body.");
  });

  it("names what failed and the status when the failure has no reason", async () => {
    await expect(readJsonResponse(new Response("oops", { status: 502 }), "The search index")).rejects.toThrow(
      "The search index answered HTTP 502.",
    );
    await expect(readJsonResponse(json({ error: 42 }, 500), "The body schema")).rejects.toThrow(
      "The body schema answered HTTP 500.",
    );
    await expect(readJsonResponse(json({ error: "" }, 503), "The body schema")).rejects.toThrow(
      "The body schema answered HTTP 503.",
    );
  });
});
