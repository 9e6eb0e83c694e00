import { describe, expect, it } from "vitest";
import {
  calendar,
  channelsList,
  eventsGet,
  filesCreate,
  filesGet,
  filesUpdate,
  secretsAccess,
  videosInsert,
} from "../request/__fixtures__/models";
import { isReadonlyScope, pickScope, scopeLabel, suggestScopes } from "./scopes";

const A = "https://www.googleapis.com/auth/";

describe("suggestScopes with fixture methods", () => {
  const cases: [string, { method: { scopes: readonly string[] }; want: string[] }][] = [
    ["youtube.channels.list → youtube.readonly", { method: channelsList, want: [`${A}youtube.readonly`] }],
    ["youtube.videos.insert → youtube.upload", { method: videosInsert, want: [`${A}youtube.upload`] }],
    ["drive.files.create → drive.file", { method: filesCreate, want: [`${A}drive.file`] }],
    ["drive.files.get → drive.readonly", { method: filesGet, want: [`${A}drive.readonly`] }],
    [
      "drive.files.update → drive (an existing file: drive.file does not suffice)",
      { method: filesUpdate, want: [`${A}drive`] },
    ],
    ["calendar.events.get → calendar.readonly", { method: eventsGet, want: [`${A}calendar.readonly`] }],
    ["secretmanager → cloud-platform", { method: secretsAccess, want: [`${A}cloud-platform`] }],
    ["no scopes → []", { method: { scopes: [] }, want: [] }],
  ];
  it.each(cases)("%s", (_, { method, want }) => expect(suggestScopes(method)).toEqual(want));
  it("fixture api is untouched", () => expect(calendar.methods).toHaveLength(1));
});

describe("pickScope with realistic lists", () => {
  const cases: [string, { given: string[]; want: string }][] = [
    [
      "youtube.channels.update (no readonly, partner is not narrower)",
      { given: [`${A}youtube`, `${A}youtube.force-ssl`, `${A}youtubepartner`], want: `${A}youtube` },
    ],
    [
      "calendar.events.insert → calendar.events.owned",
      {
        given: [`${A}calendar`, `${A}calendar.events`, `${A}calendar.events.owned`],
        want: `${A}calendar.events.owned`,
      },
    ],
    [
      "compute instances.list → compute.readonly",
      { given: [`${A}cloud-platform`, `${A}compute`, `${A}compute.readonly`], want: `${A}compute.readonly` },
    ],
    [
      "compute instances.insert → compute",
      { given: [`${A}cloud-platform`, `${A}compute`], want: `${A}compute` },
    ],
    [
      "storage read_only: Storage only rather than all of Cloud",
      {
        given: [
          `${A}cloud-platform`,
          `${A}cloud-platform.read-only`,
          `${A}devstorage.full_control`,
          `${A}devstorage.read_only`,
        ],
        want: `${A}devstorage.read_only`,
      },
    ],
    [
      "gmail messages.get → gmail.readonly",
      {
        given: [
          "https://mail.google.com/",
          `${A}gmail.addons.current.message.action`,
          `${A}gmail.metadata`,
          `${A}gmail.modify`,
          `${A}gmail.readonly`,
        ],
        want: `${A}gmail.readonly`,
      },
    ],
    [
      "gmail messages.send → gmail.send (purpose-limited)",
      {
        given: [
          "https://mail.google.com/",
          `${A}gmail.addons.current.action.compose`,
          `${A}gmail.compose`,
          `${A}gmail.modify`,
          `${A}gmail.send`,
        ],
        want: `${A}gmail.send`,
      },
    ],
    [
      "gmail drafts.create → gmail.compose (add-on scope ignored)",
      {
        given: [
          "https://mail.google.com/",
          `${A}gmail.addons.current.action.compose`,
          `${A}gmail.compose`,
          `${A}gmail.modify`,
        ],
        want: `${A}gmail.compose`,
      },
    ],
    [
      "only add-on scopes",
      { given: [`${A}gmail.addons.current.action.compose`], want: `${A}gmail.addons.current.action.compose` },
    ],
    [
      "only readonly slices → shortest",
      { given: [`${A}drive.photos.readonly`, `${A}drive.meet.readonly`], want: `${A}drive.meet.readonly` },
    ],
    ["single", { given: [`${A}cloud-platform`], want: `${A}cloud-platform` }],
    ["non-URL scopes", { given: ["openid", "email"], want: "openid" }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(pickScope(given)).toBe(want));
  it("empty → undefined", () => expect(pickScope([])).toBeUndefined());
});

describe("scopeLabel / isReadonlyScope", () => {
  const cases: [string, string, boolean][] = [
    [`${A}youtube.readonly`, "youtube.readonly", true],
    [`${A}cloud-platform`, "cloud-platform", false],
    [`${A}cloud-platform.read-only`, "cloud-platform.read-only", true],
    [`${A}devstorage.read_only`, "devstorage.read_only", true],
    ["https://mail.google.com/", "mail.google.com", false],
    ["https://www.google.com/m8/feeds", "www.google.com/m8/feeds", false],
    ["openid", "openid", false],
  ];
  it.each(cases)("%s", (url, label, ro) => {
    expect(scopeLabel(url)).toBe(label);
    expect(isReadonlyScope(url)).toBe(ro);
  });
});
