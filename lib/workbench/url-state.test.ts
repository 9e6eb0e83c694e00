import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { zooApi } from "../discovery/__fixtures__/load-zoo";
import type { MethodModel } from "../discovery/model-types";
import { defaultRequest } from "../request/canonical";
import type { JsonValue } from "../request/types";
import { initialState, reduceWorkbench, type WorkbenchState } from "./state";
import {
  decodeUrlState,
  encodeUrlState,
  MAX_URL_LENGTH,
  stateHref,
  stateLink,
  tabStateHref,
  type StateLink,
} from "./url-state";

const api = zooApi();
const create: MethodModel = api.methods.find((x) => x.id === "zoo.zoos.animals.create")!;
const model = { api, method: create };
const target = { api: "zoo", version: "v1", method: create };
const pristine = initialState(model, defaultRequest(api, create));
const withBody = (text: string): WorkbenchState =>
  reduceWorkbench(model, pristine, { type: "bodyText", text });

/** What the page restores from a link (or from the tab, for a state that fits in no link). */
function restore(link: StateLink): WorkbenchState {
  const query = link.fits ? new URL(link.href, "http://x").search : link.query;
  const d = decodeUrlState(new URLSearchParams(query), target);
  expect(d.error).toBeUndefined();
  return initialState(model, d.request ?? defaultRequest(api, create), d.language, d.bodyText, d.options);
}

describe("stateLink", () => {
  it("keeps small states in the readable version-1 link (same as stateHref)", () => {
    const s = withBody('{"name": "Leo"}');
    expect(stateLink(s, pristine)).toEqual({ fits: true, href: stateHref(s, pristine) });
    expect(stateLink(pristine, pristine)).toEqual({ fits: true, href: "/zoo/v1/zoo.zoos.animals.create" });
  });

  it("deflates a long but repetitive body into a link that fits, and reads it back exactly", () => {
    const body = { tags: Array.from({ length: 600 }, (_, i) => `tag-${i % 40}`) };
    const s = withBody(JSON.stringify(body, null, 2));
    expect(stateHref(s).length).toBeGreaterThan(MAX_URL_LENGTH);
    const link = stateLink(s, pristine);
    expect(link.fits && link.href).toMatch(/\?r=2\.[\w-]+&lang=typescript$/);
    expect(link.fits && link.href.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(restore(link)).toEqual(s);
  });

  it("never returns a link over the limit for large random bodies; what does not fit is kept whole", () => {
    const body = fc.oneof(
      fc.string({ unit: "binary", minLength: 2000, maxLength: 30_000 }).map((t): JsonValue => ({ t })),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 50, maxLength: 400 }) as fc.Arbitrary<JsonValue>,
      fc.uint8Array({ minLength: 1000, maxLength: 20_000 }).map((b): JsonValue => ({
        data: Buffer.from(b).toString("base64"),
      })),
    );
    fc.assert(
      fc.property(body, fc.boolean(), (b, unfinished) => {
        const text = JSON.stringify(b, null, 2) + (unfinished ? "," : "");
        const s = withBody(text);
        const link = stateLink(s, pristine);
        if (link.fits) expect(link.href.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
        else expect(link.path).toBe("/zoo/v1/zoo.zoos.animals.create");
        expect(restore(link)).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  it("a 20 KB incompressible body fits in no link; its tab URL is short", () => {
    const data = Buffer.from(Array.from({ length: 15_000 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 251))
      .toString("base64")
      .slice(0, 20_000);
    const s = withBody(JSON.stringify({ name: data }));
    const link = stateLink(s, pristine);
    expect(link.fits).toBe(false);
    if (link.fits) return;
    expect(link.query.length).toBeGreaterThan(20_000);
    const href = tabStateHref(link.path, "abc-123");
    expect(href).toBe("/zoo/v1/zoo.zoos.animals.create?tab=abc-123");
    expect(decodeUrlState(new URLSearchParams("tab=abc-123"), target)).toEqual({
      language: "typescript",
      options: {},
      tabState: "abc-123",
    });
  });

  it("ignores a malformed tab id", () => {
    expect(decodeUrlState(new URLSearchParams("tab=a%2Fb"), target).tabState).toBeUndefined();
    expect(decodeUrlState(new URLSearchParams(`tab=${"x".repeat(65)}`), target).tabState).toBeUndefined();
  });
});

describe("downloadTo from a link", () => {
  const media = api.methods.find((x) => x.supportsMediaDownload)!;
  const mediaTarget = { api: "zoo", version: "v1", method: media };
  const query = (downloadTo: string) => new URLSearchParams({ lang: "python", downloadTo });

  it("keeps a bare file name", () => {
    const d = decodeUrlState(query("video.mp4"), mediaTarget);
    expect(d.options).toEqual({ downloadTo: "video.mp4" });
    expect(d.downloadToDropped).toBeUndefined();
  });

  it.each([["~/.ssh/authorized_keys"], ["../../.bashrc"], ["/etc/cron.d/x"], [".bashrc"], ["C:\\x.dll"]])(
    "drops the path %j and says so",
    (path) => {
      const d = decodeUrlState(query(path), mediaTarget);
      expect(d.options).toEqual({});
      expect(d.downloadToDropped).toBe(true);
    },
  );

  it("round-trips a bare name through the URL", () => {
    const mm = { api, method: media };
    let s = initialState(mm, defaultRequest(api, media));
    s = reduceWorkbench(mm, s, { type: "options", options: { downloadTo: "out.bin" } });
    const d = decodeUrlState(new URLSearchParams(encodeUrlState(s)), mediaTarget);
    expect(d.options).toEqual({ downloadTo: "out.bin" });
  });
});

describe("the upload file from a link", () => {
  const upload = api.methods.find((x) => x.mediaUpload !== null && x.mediaUpload !== undefined)!;
  const uploadTarget = { api: "zoo", version: "v1", method: upload };
  const linkWith = (fileName: string) => {
    const mm = { api, method: upload };
    let s = initialState(mm, defaultRequest(api, upload));
    s = reduceWorkbench(mm, s, { type: "media", media: { fileName, mimeType: "image/png" } });
    return new URLSearchParams(encodeUrlState(s));
  };

  it("keeps a bare file name", () => {
    const d = decodeUrlState(linkWith("leo.png"), uploadTarget);
    expect(d.request?.media).toEqual({ fileName: "leo.png", mimeType: "image/png" });
    expect(d.mediaDropped).toBeUndefined();
  });

  it.each([["/home/me/.ssh/id_rsa"], ["../../.aws/credentials"], [".env"], ["~/.netrc"]])(
    "leaves out the file %j (the snippet would read and upload it) and says so",
    (fileName) => {
      const d = decodeUrlState(linkWith(fileName), uploadTarget);
      expect(d.request).toBeDefined();
      expect(d.request?.media).toBeUndefined();
      expect(d.mediaDropped).toBe(true);
    },
  );
});
