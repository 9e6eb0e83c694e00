import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeReserved, encodeUnreserved, expandPathTemplate, templateVariables } from "./uri-template";
import type { ParamValue } from "./types";

describe("templateVariables", () => {
  const cases: [string, { given: string; want: { name: string; reserved: boolean }[] }][] = [
    ["none", { given: "youtube/v3/channels", want: [] }],
    ["simple", { given: "files/{fileId}", want: [{ name: "fileId", reserved: false }] }],
    ["reserved", { given: "v1/{+name}:access", want: [{ name: "name", reserved: true }] }],
    [
      "several",
      {
        given: "calendars/{calendarId}/events/{eventId}",
        want: [
          { name: "calendarId", reserved: false },
          { name: "eventId", reserved: false },
        ],
      },
    ],
    [
      "modifiers ignored",
      {
        given: "{+path*}/{id:3}",
        want: [
          { name: "path", reserved: true },
          { name: "id", reserved: false },
        ],
      },
    ],
    ["other operators skipped", { given: "x{?q}{#f}", want: [] }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(templateVariables(given)).toEqual(want));
});

describe("encoding", () => {
  const cases: [string, { given: string; unreserved: string; reserved: string }][] = [
    ["unreserved kept", { given: "aZ09-._~", unreserved: "aZ09-._~", reserved: "aZ09-._~" }],
    ["email", { given: "a/b@x.com", unreserved: "a%2Fb%40x.com", reserved: "a/b@x.com" }],
    ["space", { given: "a b", unreserved: "a%20b", reserved: "a%20b" }],
    [
      "resource name",
      {
        given: "projects/p:1/secrets/a b",
        unreserved: "projects%2Fp%3A1%2Fsecrets%2Fa%20b",
        reserved: "projects/p:1/secrets/a%20b",
      },
    ],
    ["sub-delims", { given: "!'()*", unreserved: "%21%27%28%29%2A", reserved: "!'()*" }],
    [
      "all reserved",
      {
        given: ":/?#[]@!$&'()*+,;=",
        unreserved: "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D",
        reserved: ":/?#[]@!$&'()*+,;=",
      },
    ],
    ["pct triplet", { given: "a%2Fb", unreserved: "a%252Fb", reserved: "a%2Fb" }],
    ["lone percent", { given: "100%", unreserved: "100%25", reserved: "100%25" }],
    ["bad triplet", { given: "%zz", unreserved: "%25zz", reserved: "%25zz" }],
    ["utf-8", { given: "é€", unreserved: "%C3%A9%E2%82%AC", reserved: "%C3%A9%E2%82%AC" }],
    ["astral", { given: "😀", unreserved: "%F0%9F%98%80", reserved: "%F0%9F%98%80" }],
    ["lone surrogate → U+FFFD", { given: "\uD800", unreserved: "%EF%BF%BD", reserved: "%EF%BF%BD" }],
    [
      "quotes and braces",
      {
        given: '"{}|\\^`<>',
        unreserved: "%22%7B%7D%7C%5C%5E%60%3C%3E",
        reserved: "%22%7B%7D%7C%5C%5E%60%3C%3E",
      },
    ],
  ];
  it.each(cases)("%s", (_, { given, unreserved, reserved }) => {
    expect(encodeUnreserved(given)).toBe(unreserved);
    expect(encodeReserved(given)).toBe(reserved);
  });
});

describe("expandPathTemplate", () => {
  type Case = [string, { template: string; values: Record<string, ParamValue | undefined>; want: unknown }];
  const cases: Case[] = [
    ["no variables", { template: "channels", values: {}, want: { ok: true, value: "channels" } }],
    [
      "simple",
      {
        template: "calendars/{calendarId}/events",
        values: { calendarId: "a/b@x.com" },
        want: { ok: true, value: "calendars/a%2Fb%40x.com/events" },
      },
    ],
    [
      "reserved",
      {
        template: "v1/{+name}:access",
        values: { name: "projects/p:1/secrets/a b/versions/1" },
        want: { ok: true, value: "v1/projects/p:1/secrets/a%20b/versions/1:access" },
      },
    ],
    [
      "number and boolean",
      { template: "{a}/{b}", values: { a: 42, b: false }, want: { ok: true, value: "42/false" } },
    ],
    [
      "list comma-joined, items encoded",
      { template: "x/{ids}", values: { ids: ["a,b", "c"] }, want: { ok: true, value: "x/a%2Cb,c" } },
    ],
    [
      "reserved list",
      { template: "x/{+ids}", values: { ids: ["a/b", "c d"] }, want: { ok: true, value: "x/a/b,c%20d" } },
    ],
    [
      "missing keeps the token",
      {
        template: "files/{fileId}",
        values: {},
        want: {
          ok: false,
          missing: ["fileId"],
          error: 'The path parameter "fileId" has no value.',
          partial: "files/{fileId}",
        },
      },
    ],
    [
      "empty string is missing; reserved token kept",
      {
        template: "v1/{+name}:access/{x}",
        values: { name: "", x: "1" },
        want: {
          ok: false,
          missing: ["name"],
          error: 'The path parameter "name" has no value.',
          partial: "v1/{+name}:access/1",
        },
      },
    ],
    [
      "several missing",
      {
        template: "calendars/{calendarId}/events/{eventId}",
        values: { eventId: [] as string[] },
        want: {
          ok: false,
          missing: ["calendarId", "eventId"],
          error: 'The path parameters "calendarId", "eventId" have no value.',
          partial: "calendars/{calendarId}/events/{eventId}",
        },
      },
    ],
    [
      "prototype names are not values",
      {
        template: "{constructor}",
        values: {},
        want: {
          ok: false,
          missing: ["constructor"],
          error: 'The path parameter "constructor" has no value.',
          partial: "{constructor}",
        },
      },
    ],
  ];
  it.each(cases)("%s", (_, { template, values, want }) =>
    expect(expandPathTemplate(template, values)).toEqual(want),
  );
});

describe("properties", () => {
  const wellFormed = fc.string({ unit: "binary", maxLength: 40 });
  it("simple expansion decodes back to the input and only contains unreserved chars or triplets", () => {
    fc.assert(
      fc.property(wellFormed, (s) => {
        const out = encodeUnreserved(s);
        expect(out).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(out)).toBe(s);
      }),
    );
  });
  it("reserved expansion of a string without '%' decodes back to the input", () => {
    fc.assert(
      fc.property(
        wellFormed.filter((s) => !s.includes("%")),
        (s) => {
          expect(decodeURIComponent(encodeReserved(s))).toBe(s);
        },
      ),
    );
  });
  it("expansion through a template equals encoding the value", () => {
    fc.assert(
      fc.property(
        wellFormed.filter((s) => s !== ""),
        (s) => {
          expect(expandPathTemplate("a/{v}/b", { v: s })).toEqual({
            ok: true,
            value: `a/${encodeUnreserved(s)}/b`,
          });
        },
      ),
    );
  });
});
