import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "./build";
import { intentSearch, prepareIntentIndex } from "./intent";
import { versionFactors } from "./versions";
import { prepareSearchIndex } from "./query";
import { prepareSearch, search } from "./search";
import { m, SYNTHETIC } from "./__fixtures__/synthetic";
import type { SearchSourceApi } from "./types";

/** A few APIs whose methods compete for plain-language queries, as in the real snapshot. */
const INTENT_APIS: SearchSourceApi[] = [
  {
    name: "gmail",
    version: "v1",
    title: "Gmail API",
    preferred: true,
    methods: [
      m("gmail.users.messages.send", "POST", "gmail/v1/users/{userId}/messages/send", "Sends the message."),
      m("gmail.users.messages.list", "GET", "gmail/v1/users/{userId}/messages", "Lists the messages."),
      m("gmail.users.messages.get", "GET", "gmail/v1/users/{userId}/messages/{id}", "Gets a message."),
    ],
  },
  {
    name: "cloudidentity",
    version: "v1",
    title: "Cloud Identity API",
    preferred: true,
    methods: [
      m(
        "cloudidentity.customers.userinvitations.send",
        "POST",
        "v1/{+name}:send",
        "Sends an invitation email.",
      ),
    ],
  },
  {
    name: "essentialcontacts",
    version: "v1",
    title: "Essential Contacts API",
    preferred: true,
    methods: [m("essentialcontacts.projects.contacts.sendTestMessage", "POST", "v1/{+resource}:send", "")],
  },
  {
    name: "calendar",
    version: "v3",
    title: "Calendar API",
    preferred: true,
    methods: [
      m("calendar.events.insert", "POST", "calendars/{calendarId}/events", "Creates an event."),
      m("calendar.events.list", "GET", "calendars/{calendarId}/events", "Returns events on the calendar."),
    ],
  },
  {
    name: "storage",
    version: "v1",
    title: "Cloud Storage JSON API",
    preferred: true,
    methods: [
      {
        ...m("storage.objects.insert", "POST", "b/{bucket}/o", "Stores a new object."),
        supportsMediaUpload: true,
      },
      m("storage.objects.list", "GET", "b/{bucket}/o", "Retrieves a list of objects."),
      m("storage.buckets.insert", "POST", "b", "Creates a new bucket."),
      m("storage.buckets.list", "GET", "b", "Retrieves a list of buckets."),
    ],
  },
  {
    name: "logging",
    version: "v2",
    title: "Cloud Logging API",
    preferred: true,
    methods: [
      m("logging.locations.buckets.links.list", "GET", "v2/{+parent}/links/{bucketsId}", "Lists links."),
    ],
  },
  {
    name: "run",
    version: "v2",
    title: "Cloud Run Admin API",
    preferred: true,
    methods: [
      m("run.projects.locations.sourceUploads.upload", "POST", "v2/{+parent}:upload", "Uploads source."),
    ],
  },
  {
    name: "sqladmin",
    version: "v1beta4",
    title: "Cloud SQL Admin API",
    preferred: true,
    methods: [m("sql.instances.list", "GET", "v1/projects/{project}/instances", "Lists instances.")],
  },
  {
    name: "sqladmin",
    version: "v1",
    title: "Cloud SQL Admin API",
    preferred: false,
    methods: [m("sql.instances.list", "GET", "v1/projects/{project}/instances", "Lists instances.")],
  },
  ...(["directory_v1", "directoryv1"] as const).map((version): SearchSourceApi => ({
    name: "admin",
    version,
    title: "Admin SDK API",
    preferred: false,
    documentId: "admin:directory_v1",
    methods: [m("directory.users.list", "GET", "admin/directory/v1/users", "Retrieves a list of users.")],
  })),
];

const index = buildSearchIndex(INTENT_APIS, { source: "intent", builtAt: "x" });
const ii = prepareIntentIndex(prepareSearchIndex(index));
const top = (q: string, n = 1) =>
  intentSearch(ii, q, 50)
    .hits.slice(0, n)
    .map((h) => (h.kind === "api" ? `api:${h.api.n}:${h.api.v}` : `${h.id}@${h.api.v}`));

describe("intentSearch", () => {
  it.each([
    // Synonyms: email is Gmail's messages.
    ["send email", "gmail.users.messages.send@v1"],
    ["send mail", "gmail.users.messages.send@v1"],
    // The whole method name beats a camelCase word of another (sendTestMessage).
    ["send message", "gmail.users.messages.send@v1"],
    // Stemming: emails → email.
    ["list emails", "gmail.users.messages.list@v1"],
    ["read email", "gmail.users.messages.get@v1"],
    // A typo in a word of 5+ letters.
    ["calender events insert", "calendar.events.insert@v3"],
    ["create calender event", "calendar.events.insert@v3"],
    // upload → the methods that accept a media upload.
    ["storage upload", "storage.objects.insert@v1"],
    // create ↔ insert.
    ["create bucket", "storage.buckets.insert@v1"],
    // One word naming an API through a synonym finds the API.
    ["email", "api:gmail:v1"],
  ])("%j → %s first", (q, expected) => expect(top(q)).toEqual([expected]));

  it("allows no typo in short words, and needs every word", () => {
    expect(top("sned email")).toEqual([]);
    expect(intentSearch(ii, "send nothingmatches", 50).hits).toEqual([]);
  });

  it("reads the last word as a prefix while it is typed, not once it is followed by a space", () => {
    expect(top("calendar events inse")).toEqual(["calendar.events.insert@v3"]);
    expect(top("events inse ")).toEqual([]);
  });

  it("counts a word's typo and prefix matches once: a path's bucketsId adds nothing to buckets", () => {
    expect(top("list buckets")).toEqual(["storage.buckets.list@v1"]);
  });

  it("lets one word of three or more go unmatched when no method has them all, ranked below full matches", () => {
    expect(top("calendar events zzzz")[0]).toMatch(/^calendar\.events\./);
    const full = intentSearch(ii, "calendar events insert", 1).hits[0]!.score;
    expect(intentSearch(ii, "calendar events zzzz", 1).hits[0]!.score).toBeLessThan(full);
  });

  it("answers a pasted essay by its first words", () => {
    expect(top("calendar events insert ".repeat(5000))).toEqual(["calendar.events.insert@v3"]);
  });

  it("indexes aliases of one document once", () => {
    expect(index.apis.filter((a) => a.n === "admin").map((a) => a.v)).toEqual(["directory_v1"]);
    const ids = top("list users", 5).filter((id) => id.startsWith("directory."));
    expect(ids).toEqual(["directory.users.list@directory_v1"]);
  });

  it("ranks a stable version above the pre-release the directory prefers when it is as new", () => {
    expect(top("sql instances list", 2)).toEqual(["sql.instances.list@v1", "sql.instances.list@v1beta4"]);
  });
});

describe("versionFactors", () => {
  const factors = (apis: { n: string; v: string; p: 0 | 1 }[]) =>
    [...versionFactors({ ...index, apis: apis.map((a) => ({ ...a, t: a.n })) })].map((f) => f.toFixed(2));
  it("prefers the directory's preferred version, then stable ones, then pre-releases", () => {
    expect(
      factors([
        { n: "a", v: "v2", p: 1 },
        { n: "a", v: "v1", p: 0 },
        { n: "a", v: "v3beta1", p: 0 },
      ]),
    ).toEqual(["1.00", "0.97", "0.94"]);
  });
  it("moves the preference to a stable version of at least a preferred pre-release's major number", () => {
    expect(
      factors([
        { n: "sqladmin", v: "v1beta4", p: 1 },
        { n: "sqladmin", v: "v1", p: 0 },
        { n: "x", v: "v2beta1", p: 1 },
        { n: "x", v: "v1", p: 0 },
      ]),
    ).toEqual(["0.94", "1.00", "1.00", "0.97"]);
  });
});

describe("search (intent merged with the lexical index)", () => {
  const p = prepareSearch(buildSearchIndex([...SYNTHETIC, ...INTENT_APIS], { source: "both", builtAt: "x" }));
  const first = (q: string) => {
    const h = search(p, q, 50).hits[0];
    return h === undefined ? null : h.kind === "api" ? `api:${h.api.n}:${h.api.v}` : `${h.id}@${h.api.v}`;
  };
  it.each([
    // Dotted ids and runs of them keep the lexical order.
    ["youtube channels list", "youtube.channels.list@v3"],
    ["channels.list", "youtube.channels.list@v3"],
    ["drive.files.cr", "drive.files.create@v3"],
    // Abbreviations only the lexical side knows still find their method.
    ["yt chan list", "youtube.channels.list@v3"],
    // Intents.
    ["send email", "gmail.users.messages.send@v1"],
    ["upload video", "youtube.videos.insert@v3"],
    ["gmail", "api:gmail:v1"],
  ])("%j → %s first", (q, expected) => expect(first(q)).toBe(expected));

  it("lists each hit once and honours the limit", () => {
    const hits = search(p, "list", 5).hits;
    expect(hits).toHaveLength(5);
    expect(new Set(hits.map((h) => h.href)).size).toBe(5);
    expect(search(p, "   ", 5)).toEqual({ hits: [], total: 0 });
  });
});
