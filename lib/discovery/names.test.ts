import { describe, expect, it } from "vitest";
import { createDiscoveryLoader } from "./load";
import { apiRefProblem, isApiName, isApiVersion, isMethodId } from "./names";

describe("Discovery name grammar", () => {
  it("accepts every shape Google uses, refuses anything that is not one safe path segment", () => {
    for (const v of ["v3", "v1beta1", "v1.4", "directory_v1", "alpha", "v2.1-preview"])
      expect(isApiVersion(v)).toBe(true);
    for (const n of ["youtube", "admin", "hostile-pyinject-method", "x_y"]) expect(isApiName(n)).toBe(true);
    for (const bad of ["..", ".", "", "a/b", "a\\b", "%2E%2E", "a b", "v1..x", "a.b", "x".repeat(101)])
      expect(isApiName(bad) && isApiVersion(bad)).toBe(false);
    expect(isApiVersion("..")).toBe(false);
    expect(isMethodId("zoo.zoos.get")).toBe(true);
    expect(isMethodId("a/b")).toBe(false);
    expect(isMethodId("a\nb")).toBe(false);
    expect(apiRefProblem("zoo", "v1")).toBeNull();
  });

  it("the loader refuses a name outside it as not-found before asking any source", async () => {
    let asked = 0;
    const source = {
      kind: "url" as const,
      label: "fake",
      listDirectory: async () => ({ items: [] }),
      fetchDocumentText: async () => {
        asked++;
        return "{}";
      },
    };
    const loader = createDiscoveryLoader({ primary: source, fallback: null });
    for (const [name, version] of [
      ["..", ".."],
      ["zoo", "../x"],
      ["a/b", "v1"],
    ] as const)
      await expect(loader.getApi(name, version)).rejects.toMatchObject({ kind: "not-found" });
    expect(asked).toBe(0);
  });
});
