import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

import { afterAll, describe, expect, it } from "vitest";

import {
  convertDiscoveryFile,
  findOperation,
  FLOOR_PATH,
  floorHtml,
  opblockId,
  startSwaggerServer,
} from "./swagger";

/** A minimal Discovery document in the shape of youtube.channels.list (a repeated first parameter). */
const DISCOVERY = {
  discoveryVersion: "v1",
  protocol: "rest",
  name: "demo",
  version: "v1",
  title: "Demo API",
  rootUrl: "https://demo.googleapis.com/",
  servicePath: "",
  resources: {
    channels: {
      methods: {
        list: {
          id: "demo.channels.list",
          path: "demo/v1/channels",
          httpMethod: "GET",
          parameterOrder: ["part"],
          parameters: {
            part: { type: "string", location: "query", required: true, repeated: true },
            forHandle: { type: "string", location: "query" },
          },
        },
        insert: {
          id: "demo.channels.insert",
          path: "demo/v1/channels",
          httpMethod: "POST",
          request: { $ref: "Channel" },
          parameters: { zone: { type: "string", location: "query" } },
        },
      },
    },
  },
  schemas: { Channel: { id: "Channel", type: "object", properties: { name: { type: "string" } } } },
};

const dir = mkdtempSync(join(tmpdir(), "bench-ui-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "demo.v1.json"), JSON.stringify(DISCOVERY));

describe("convertDiscoveryFile + findOperation", () => {
  const spec = convertDiscoveryFile(dir, "demo.v1");

  it("converts with google-discovery-to-swagger", () => {
    expect(spec.doc).toBe("demo.v1");
    expect(spec.paths).toBe(1);
    expect(JSON.parse(spec.json)).toMatchObject({ swagger: "2.0", info: { title: "Demo API" } });
  });

  it("finds the operation's tag and first non-body parameter", () => {
    expect(findOperation(spec, "demo.channels.list")).toEqual({ tag: "channels", param: "part" });
    // The request body comes first in Swagger's list; the form's first field is the first real parameter.
    expect(findOperation(spec, "demo.channels.insert")).toEqual({ tag: "channels", param: "zone" });
    expect(() => findOperation(spec, "demo.channels.delete")).toThrow(/not in the converted demo.v1 spec/);
  });

  it("names the document when the converter rejects it", () => {
    writeFileSync(join(dir, "bad.v1.json"), JSON.stringify({ ...DISCOVERY, protocol: "rpc" }));
    expect(() => convertDiscoveryFile(dir, "bad.v1")).toThrow(/could not convert bad.v1: .*Protocol/);
  });
});

describe("opblockId", () => {
  it("is Swagger UI's CSS-escaped element id", () => {
    expect(opblockId("instances", "compute.instances.insert")).toBe(
      "operations-instances-compute\\.instances\\.insert",
    );
    expect(opblockId("my_tag", "a-b")).toBe("operations-my_tag-a-b");
  });
});

describe("startSwaggerServer", () => {
  it("serves the stock dist, our initializer and the spec under /{doc}/, gzip on request, nothing else", async () => {
    const spec = convertDiscoveryFile(dir, "demo.v1");
    const server = await startSwaggerServer(join("node_modules", "swagger-ui-dist"), [spec], 0);
    try {
      expect(server.pageUrl("demo.v1", "channels", "demo.channels.list")).toBe(
        `${server.origin}/demo.v1/#/channels/demo.channels.list`,
      );
      const page = await fetch(`${server.origin}/demo.v1/`);
      expect(page.headers.get("cache-control")).toBe("no-cache");
      expect(await page.text()).toContain('src="./swagger-ui-bundle.js"');

      const init = await (await fetch(`${server.origin}/demo.v1/swagger-initializer.js`)).text();
      expect(init).toContain('url: "spec.json"');
      expect(init).toContain("deepLinking: true");
      expect(init).toContain("validatorUrl: null");

      const bundle = await fetch(`${server.origin}/demo.v1/swagger-ui-bundle.js`, { method: "HEAD" });
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get("cache-control")).toBe("public, max-age=3600");

      // Node's fetch decodes gzip itself; a raw request shows what is on the wire.
      const { request } = await import("node:http");
      const wire = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        request(`${server.origin}/demo.v1/spec.json`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
          );
        })
          .on("error", reject)
          .end();
      });
      expect(wire.encoding).toBe("gzip");
      expect(gunzipSync(wire.body).toString()).toBe(spec.json);

      expect((await fetch(`${server.origin}/demo.v1/../package.json`)).status).toBe(404);
      expect((await fetch(`${server.origin}/demo.v1/swagger-ui.js.map`)).status).toBe(404);
      expect((await fetch(`${server.origin}/other.v1/`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("serves the floor page: static inputs marked as our hydrated workbench, no script or style", async () => {
    const server = await startSwaggerServer(join("node_modules", "swagger-ui-dist"), [], 0, [
      "part",
      "project",
    ]);
    try {
      const html = await (await fetch(`${server.origin}${FLOOR_PATH}`)).text();
      expect(html).toBe(floorHtml(["part", "project"]));
      expect(html).toContain('<div class="workbench" data-hydrated="true">');
      expect(html).toContain('<input id="rf-part">');
      expect(html).toContain('<input id="rf-project">');
      expect(html).not.toMatch(/<script|<link|<style/);
    } finally {
      await server.close();
    }
  });
});
