import { describe, expect, it } from "vitest";

import { ownValue, setOwn } from "./own";

const NAMES = Object.getOwnPropertyNames(Object.prototype);

describe("ownValue / setOwn", () => {
  it.each(NAMES)("%s: an absent key reads as undefined, not the built-in", (name) => {
    expect(ownValue({}, name)).toBeUndefined();
    expect(ownValue({ a: 1 } as Record<string, number>, name)).toBeUndefined();
  });

  it.each(NAMES)("%s: a set key is an own, enumerable key and reads back", (name) => {
    const o = setOwn<string>({}, name, "v");
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual([name]);
    expect(ownValue(o, name)).toBe("v");
    expect(JSON.parse(JSON.stringify(o))).toEqual(JSON.parse(`{${JSON.stringify(name)}:"v"}`));
  });
});
