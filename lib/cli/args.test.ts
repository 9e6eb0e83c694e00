import { describe, expect, it } from "vitest";

import { parseArgs, type ParsedArgs } from "./args";

describe("parseArgs", () => {
  it.each<[string, readonly string[], ParsedArgs]>([
    ["help", ["--help"], { ok: true, command: { kind: "help" } }],
    ["help for a command", ["help", "snippet"], { ok: true, command: { kind: "help", topic: "snippet" } }],
    [
      "command --help",
      ["request", "--request", "x", "-h"],
      { ok: true, command: { kind: "help", topic: "request" } },
    ],
    ["version", ["-V"], { ok: true, command: { kind: "version" } }],
    [
      "request",
      ["request", "--request", "r.json"],
      { ok: true, command: { kind: "request", request: "r.json" } },
    ],
    [
      "--opt=value and stdin",
      ["validate", "--request=-", "--doc=zoo.json"],
      { ok: true, command: { kind: "validate", request: "-", doc: "zoo.json" } },
    ],
    [
      "snippet with every option",
      [
        "snippet",
        "--lang",
        "python",
        "--request",
        "r.json",
        "--all-pages",
        "--token-cache",
        "--download-to",
        "out.bin",
      ],
      {
        ok: true,
        command: {
          kind: "snippet",
          lang: "python",
          request: "r.json",
          options: { allPages: true, tokenCache: true, downloadTo: "out.bin" },
        },
      },
    ],
    [
      "snippet, no options",
      ["snippet", "--request", "r.json", "--lang=curl"],
      { ok: true, command: { kind: "snippet", lang: "curl", request: "r.json", options: {} } },
    ],
  ])("%s", (_name, argv, want) => {
    expect(parseArgs(argv)).toEqual(want);
  });

  it.each<[readonly string[], string]>([
    [[], "no command given"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["request"], "--request FILE is required (use - to read stdin)"],
    [["request", "--request"], "--request needs a value"],
    [["request", "--request", "--doc", "d"], "--request needs a value"],
    [["request", "--request", "a", "--request", "b"], "--request given twice"],
    [["request", "--request", "a", "--lang", "curl"], "--lang does not apply to `explorer request`"],
    [["request", "--request", "a", "extra"], 'unexpected argument "extra"'],
    [["request", "--request", "a", "--nope"], "unknown option --nope"],
    [["snippet", "--request", "a"], "--lang is required (typescript, python, curl, http)"],
    [
      ["snippet", "--request", "a", "--lang", "ruby"],
      'unknown --lang "ruby" (expected one of typescript, python, curl, http)',
    ],
    [["snippet", "--request", "a", "--lang", "curl", "--all-pages=yes"], "--all-pages takes no value"],
    [["validate", "--request", "-", "--doc", "-"], "--request and --doc cannot both read stdin"],
    [["validate", "--request="], "--request needs a non-empty value"],
  ])("usage error: %j → %s", (argv, error) => {
    const r = parseArgs(argv);
    expect(r.ok ? "ok" : r.error).toBe(error);
  });
});
