import { join } from "node:path";
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { buildApiModel, findMethod } from "@/lib/discovery/model";
import type { RawRestDescription } from "@/lib/discovery/types";
import type { ParamValue } from "@/lib/request/types";

import { prepareSnippetInput } from "./prepare";
import { generateSnippet } from "./registry";
import { SnippetRefused } from "./request-options";

const zoo = buildApiModel(
  JSON.parse(
    readFileSync(join(__dirname, "..", "discovery", "__fixtures__", "zoo.json"), "utf8"),
  ) as RawRestDescription,
);

function input(methodId: string, params: Record<string, ParamValue>) {
  const method = findMethod(zoo, methodId)!;
  return prepareSnippetInput({
    api: zoo,
    method,
    request: { api: "zoo", version: "v1", method: methodId, params, body: null, auth: { type: "none" } },
  });
}

describe("alt=media is a download in every target", () => {
  const photo = input("zoo.zoos.animals.getPhoto", { name: "zoos/z/animals/a", alt: "media" });

  it("Python calls the _media variant and saves the bytes (the library would send alt=json otherwise)", () => {
    const py = generateSnippet("python", photo);
    expect(py).toContain(".getPhoto_media(");
    expect(py).toContain("MediaIoBaseDownload");
    expect(py).toContain('open("download.bin", "wb")');
    expect(py).not.toContain("json.dumps");
    expect(py).not.toMatch(/alt=/);
  });

  it("TypeScript asks for a stream and writes it to the file", () => {
    const ts = generateSnippet("typescript", photo);
    expect(ts).toContain("alt: 'media'");
    expect(ts).toContain("responseType: 'stream'");
    expect(ts).toContain("createWriteStream('download.bin')");
  });

  it("cURL writes the answer to the file", () => {
    expect(generateSnippet("curl", photo)).toContain("--output 'download.bin'");
  });

  it("a file the user named wins over the default", () => {
    expect(generateSnippet("python", photo, { downloadTo: "a.jpg" })).toContain('open("a.jpg", "wb")');
  });
});

describe("an alt the library cannot send is refused, saying why", () => {
  it("alt=media on a method without media download: Python and TypeScript refuse", () => {
    const list = input("zoo.zoos.animals.list", { parent: "zoos/z", alt: "media" });
    expect(() => generateSnippet("python", list)).toThrow(SnippetRefused);
    expect(() => generateSnippet("python", list)).toThrow(/alt=media.*alt=json/);
    expect(() => generateSnippet("typescript", list)).toThrow(/as JSON/);
    expect(generateSnippet("curl", list)).toContain("alt=media");
  });

  it("alt=proto: Python refuses (it always sends alt=json)", () => {
    const get = input("zoo.zoos.get", { name: "zoos/z", alt: "proto" });
    expect(() => generateSnippet("python", get)).toThrow(/always sends alt=json/);
  });

  it("alt=json needs nothing", () => {
    const get = input("zoo.zoos.get", { name: "zoos/z", alt: "json" });
    expect(generateSnippet("python", get)).toContain("json.dumps");
  });
});
