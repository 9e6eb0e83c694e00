import { describe, expect, it } from "vitest";
import { ACTIONS, intentWords, lookUp, MAX_WORDS, stem, SYNONYMS, typoBudget, withinEdits } from "./intents";

describe("stem", () => {
  it.each([
    ["emails", "email"],
    ["files", "file"],
    ["policies", "policy"],
    ["messages", "message"],
    ["vms", "vms"], // too short to tell a plural (the synonym table knows `vms`)
    ["status", "status"],
    ["access", "access"],
    ["email", "email"],
    ["is", "is"],
  ])("%j → %j", (word, expected) => expect(stem(word)).toBe(expected));

  it("gives a word and its plural one stem", () => {
    for (const [one, many] of [
      ["sheet", "sheets"],
      ["instance", "instances"],
      ["entry", "entries"],
      ["bucket", "buckets"],
    ])
      expect(stem(many!)).toBe(stem(one!));
  });
});

describe("withinEdits", () => {
  it.each([
    ["calender", "calendar", 1, true],
    ["calednar", "calendar", 1, true], // a swap is one edit
    ["calendr", "calendar", 1, true],
    ["calendars", "calendar", 1, true],
    ["calnder", "calendar", 1, false],
    ["calnder", "calendar", 2, true],
    ["storage", "storage", 0, true],
    ["abc", "xyz", 2, false],
  ])("%j vs %j within %i: %j", (a, b, max, expected) => expect(withinEdits(a, b, max)).toBe(expected));

  it("allows no typo under 5 letters, one from 5 and two from 9", () => {
    expect([typoBudget("mail"), typoBudget("email"), typoBudget("documents")]).toEqual([0, 1, 2]);
  });
});

describe("intentWords", () => {
  it.each([
    ["list my files drive", ["list", "files", "drive"]],
    ["append rows to a spreadsheet", ["append", "rows", "spreadsheet"]],
    ["speech to text", ["speech", "recognize"]],
    ["Text To Speech", ["texttospeech", "synthesize"]],
    ["gmail.users.messages.send", ["gmail", "users", "messages", "send"]],
    ["the", []],
  ])("%j → %j", (q, expected) => expect(intentWords(q)).toEqual(expected));

  it("keeps at most MAX_WORDS words of a pasted essay (each word costs a vocabulary scan)", () => {
    expect(intentWords("calendar ".repeat(10_000))).toHaveLength(MAX_WORDS);
  });
});

describe("the synonym tables", () => {
  it("stay small", () => expect(SYNONYMS.size + ACTIONS.size).toBeLessThan(80));

  it("find a word's entry as typed or by its stem", () => {
    expect(lookUp(SYNONYMS, "emails")).toContain("gmail");
    expect(lookUp(SYNONYMS, "vms")).toContain("instance");
    expect(lookUp(SYNONYMS, "kubernetes")).toContain("container");
    expect(lookUp(ACTIONS, "create")).toContain("insert");
    expect(lookUp(SYNONYMS, "zebra")).toEqual([]);
  });
});
