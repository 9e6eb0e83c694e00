import { describe, expect, it } from "vitest";

import { zooApi } from "../discovery/__fixtures__/load-zoo";
import type { MethodModel, ParameterModel } from "../discovery/model-types";
import { defaultRequest } from "../request/canonical";
import { decodeShareState } from "../request/share";
import { bodyError, initialState, reduceWorkbench, type WorkbenchState } from "./state";
import { decodeUrlState, encodeUrlState, stateHref } from "./url-state";

const api = zooApi();
const m = (id: string): MethodModel => api.methods.find((x) => x.id === id)!;
const p = (method: MethodModel, name: string): ParameterModel =>
  [...method.parameters, ...api.standardParameters].find((x) => x.name === name)!;

const list = m("zoo.zoos.animals.list");
const model = { api, method: list };

function fill(): WorkbenchState {
  let s = initialState(model, defaultRequest(api, list));
  s = reduceWorkbench(model, s, { type: "paramText", param: p(list, "pageSize"), text: "05" });
  s = reduceWorkbench(model, s, { type: "paramText", param: p(list, "fields"), text: "animals(name)" });
  s = reduceWorkbench(model, s, { type: "paramText", param: p(list, "parent"), text: "zoos/z 1" });
  s = reduceWorkbench(model, s, { type: "paramList", param: p(list, "species"), items: ["lion", ""] });
  s = reduceWorkbench(model, s, { type: "paramText", param: p(list, "showDeleted"), text: "false" });
  s = reduceWorkbench(model, s, { type: "language", language: "python" });
  s = reduceWorkbench(model, s, { type: "options", options: { allPages: true } });
  return s;
}

describe("reduceWorkbench", () => {
  it("keeps the request in normal form (method parameter order, then standard parameters)", () => {
    const s = fill();
    expect(Object.keys(s.request.params)).toEqual(["parent", "pageSize", "showDeleted", "species", "fields"]);
    expect(s.request.params).toEqual({
      parent: "zoos/z 1",
      pageSize: "05",
      species: ["lion", ""],
      showDeleted: false,
      fields: "animals(name)",
    });
  });

  it("keeps invalid body text and the last valid body", () => {
    const create = m("zoo.zoos.animals.create");
    const cm = { api, method: create };
    let s = initialState(cm, defaultRequest(api, create));
    expect(s.bodyText).toBe("{}");
    s = reduceWorkbench(cm, s, { type: "bodyText", text: '{"name": "Leo"}' });
    expect(s.request.body).toEqual({ name: "Leo" });
    expect(bodyError(s)).toBeNull();
    s = reduceWorkbench(cm, s, { type: "bodyText", text: '{"name": "Leo",' });
    expect(s.bodyText).toBe('{"name": "Leo",');
    expect(s.request.body).toEqual({ name: "Leo" });
    expect(bodyError(s)).not.toBeNull();
    s = reduceWorkbench(cm, s, { type: "bodyText", text: "  " });
    expect(s.request.body).toBeNull();
  });

  it("sets and clears media and auth", () => {
    const create = m("zoo.zoos.animals.create");
    const cm = { api, method: create };
    let s = initialState(cm, defaultRequest(api, create));
    s = reduceWorkbench(cm, s, { type: "media", media: { fileName: "leo.png", mimeType: "image/png" } });
    expect(s.request.media).toEqual({ fileName: "leo.png", mimeType: "image/png" });
    s = reduceWorkbench(cm, s, { type: "media", media: null });
    expect("media" in s.request).toBe(false);
    s = reduceWorkbench(cm, s, { type: "auth", auth: { type: "apiKey" } });
    expect(s.request.auth).toEqual({ type: "apiKey" });
  });
});

describe("URL state", () => {
  const target = { api: "zoo", version: "v1", method: list };

  it("round-trips the whole state exactly", () => {
    const s = fill();
    const query = encodeUrlState(s);
    expect(query).toMatch(/^r=1\.[A-Za-z0-9_-]+&lang=python&allPages=1$/);
    const d = decodeUrlState(new URLSearchParams(query), target);
    expect(d.error).toBeUndefined();
    const back = initialState(model, d.request!, d.language, d.bodyText, d.options);
    expect(back).toEqual(s);
    expect(encodeUrlState(back)).toBe(query);
    expect(stateHref(s)).toBe(`/zoo/v1/zoo.zoos.animals.list?${query}`);
  });

  it("uses the bare path for the untouched form, which decodes to the same state", () => {
    const pristine = initialState(model, defaultRequest(api, list));
    expect(stateHref(pristine, pristine)).toBe("/zoo/v1/zoo.zoos.animals.list");
    const d = decodeUrlState(new URLSearchParams(""), target);
    expect(
      initialState(model, d.request ?? defaultRequest(api, list), d.language, d.bodyText, d.options),
    ).toEqual(pristine);
    const changed = reduceWorkbench(model, pristine, { type: "language", language: "curl" });
    expect(stateHref(changed, pristine)).toMatch(/\?r=1\..*&lang=curl$/);
  });

  it("carries unparseable body text in bt and restores it", () => {
    const create = m("zoo.zoos.animals.create");
    const cm = { api, method: create };
    let s = initialState(cm, defaultRequest(api, create));
    s = reduceWorkbench(cm, s, { type: "bodyText", text: '{"name": "Leo"}' });
    s = reduceWorkbench(cm, s, { type: "bodyText", text: '{"name": "Le' });
    const query = encodeUrlState(s);
    const d = decodeUrlState(new URLSearchParams(query), { api: "zoo", version: "v1", method: create });
    expect(d.bodyText).toBe('{"name": "Le');
    expect(initialState(cm, d.request!, d.language, d.bodyText, d.options)).toEqual(s);
  });

  it("reads Next.js searchParams records too", () => {
    const s = fill();
    const q = new URLSearchParams(encodeUrlState(s));
    const record = Object.fromEntries(q.entries());
    expect(decodeUrlState(record, target)).toEqual(decodeUrlState(q, target));
  });

  it("never puts secrets in the URL", () => {
    const echo = m("zoo.oddities.echo");
    const tokeninfo = m("zoo.tokeninfo");
    for (const method of [echo, tokeninfo]) {
      const mm = { api, method };
      const s = initialState(mm, {
        ...defaultRequest(api, method),
        params: { key: "AIzaSECRET", access_token: "ya29.SECRET", oauth_token: "x", id_token: "y" },
      });
      const query = encodeUrlState(s);
      const r = new URLSearchParams(query).get("r")!;
      const decoded = decodeShareState(r);
      expect(decoded.ok && decoded.value.params).toEqual({});
      expect(query).not.toMatch(/key=|access_token|SECRET/);
    }
  });

  it("rejects links for another method, bad links, and unknown languages", () => {
    const other = encodeUrlState(initialState({ api, method: echoM() }, defaultRequest(api, echoM())));
    const d = decodeUrlState(new URLSearchParams(other), target);
    expect(d.request).toBeUndefined();
    expect(d.error).toMatch(/zoo\.oddities\.echo/);
    const bad = decodeUrlState(new URLSearchParams("r=1.%%%&lang=cobol"), target);
    expect(bad.request).toBeUndefined();
    expect(bad.error).toMatch(/damaged/);
    expect(bad.language).toBe("typescript");
    expect(decodeUrlState({}, target)).toEqual({ language: "typescript", options: {} });
  });
});

function echoM(): MethodModel {
  return m("zoo.oddities.echo");
}
