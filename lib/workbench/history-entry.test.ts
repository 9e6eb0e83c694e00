import { describe, expect, it } from "vitest";

import { zooApi } from "../discovery/__fixtures__/load-zoo";
import type { MethodModel, ParameterModel } from "../discovery/model-types";
import { defaultRequest } from "../request/canonical";
import { entryState, ENTRY_KEY, withEntryState } from "./history-entry";
import { initialState, reduceWorkbench, type WorkbenchState } from "./state";

const api = zooApi();
const m = (id: string): MethodModel => api.methods.find((x) => x.id === id)!;
const p = (method: MethodModel, name: string): ParameterModel =>
  [...method.parameters, ...api.standardParameters].find((x) => x.name === name)!;
const list = m("zoo.zoos.animals.list");
const model = { api, method: list };

function edited(): WorkbenchState {
  let s = initialState(model, defaultRequest(api, list));
  s = reduceWorkbench(model, s, { type: "paramText", param: p(list, "parent"), text: "zoos/z 1" });
  s = reduceWorkbench(model, s, { type: "paramText", param: p(list, "pageSize"), text: "1e3" });
  s = reduceWorkbench(model, s, { type: "paramList", param: p(list, "species"), items: ["lion", ""] });
  s = reduceWorkbench(model, s, { type: "language", language: "python" });
  s = reduceWorkbench(model, s, { type: "options", options: { allPages: true } });
  return s;
}

describe("workbench state in the history entry", () => {
  it("round-trips exactly what the form held, through structured clone, next to the router's fields", () => {
    const s = edited();
    const entry = structuredClone(withEntryState({ __NA: true, tree: ["x"] }, s));
    expect(entry.__NA).toBe(true);
    expect(entry.tree).toEqual(["x"]);
    expect(entryState(entry, model)).toEqual(s);
  });

  it("keeps a body text that does not parse, as typed", () => {
    const create = m("zoo.zoos.animals.create");
    const cm = { api, method: create };
    let s = initialState(cm, defaultRequest(api, create));
    s = reduceWorkbench(cm, s, { type: "bodyText", text: '{ "name": "a" "b": 1 }' });
    expect(entryState(structuredClone(withEntryState(null, s)), cm)?.bodyText).toBe('{ "name": "a" "b": 1 }');
  });

  it("never stores a secret parameter", () => {
    const s = reduceWorkbench(model, edited(), { type: "paramText", param: p(list, "key"), text: "SECRET" });
    expect(JSON.stringify(withEntryState(null, s))).not.toContain("SECRET");
  });

  it("ignores an entry of another method, an old format, or junk", () => {
    const s = edited();
    const other = { api, method: m("zoo.zoos.get") };
    expect(entryState(withEntryState(null, s), other)).toBeNull();
    expect(
      entryState({ [ENTRY_KEY]: { v: 0, bodyText: "", language: "python", request: s.request } }, model),
    ).toBeNull();
    expect(
      entryState({ [ENTRY_KEY]: { v: 1, bodyText: "", language: "cobol", request: s.request } }, model),
    ).toBeNull();
    expect(
      entryState({ [ENTRY_KEY]: { v: 1, bodyText: "", language: "python", request: 7 } }, model),
    ).toBeNull();
    expect(entryState(null, model)).toBeNull();
    expect(entryState("x", model)).toBeNull();
  });
});
