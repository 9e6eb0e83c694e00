/**
 * The scope choice on a table of real methods. Each row copies the method's verb, name, path parameters and scope
 * list from the snapshot document (the last suite checks the copies have not drifted) and says why the answer is
 * right, from Google's own description of the scopes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "../discovery/__fixtures__/real-snapshot";
import { buildApiModel, findMethod } from "../discovery/model";
import type { HttpVerb, ParameterModel } from "../discovery/model-types";
import { parseDiscoveryDocument } from "../discovery/validate";
import { chooseScope, scopeLabel, SCOPE_URL_PREFIX } from "./scopes";

interface Row {
  readonly doc: string;
  readonly id: string;
  readonly verb: HttpVerb;
  readonly pathParams: readonly string[];
  /** Labels as listed in the document (`https://mail.google.com/` written out). */
  readonly scopes: readonly string[];
  readonly want: string;
  /** Why `want` is the least-privileged scope that suffices (for the reader; not compared). */
  readonly because: string;
}

const url = (label: string) => (label.includes("://") ? label : SCOPE_URL_PREFIX + label);

const ROWS: readonly Row[] = [
  {
    doc: "sheets.v4",
    id: "sheets.spreadsheets.values.update",
    verb: "PUT",
    pathParams: ["spreadsheetId", "range"],
    scopes: ["drive", "drive.file", "spreadsheets"],
    want: "spreadsheets",
    because: "drive.file only covers sheets the app created or opened: an existing sheet by ID fails",
  },
  {
    doc: "sheets.v4",
    id: "sheets.spreadsheets.values.get",
    verb: "GET",
    pathParams: ["spreadsheetId", "range"],
    scopes: ["drive", "drive.file", "drive.readonly", "spreadsheets", "spreadsheets.readonly"],
    want: "spreadsheets.readonly",
    because: "a read; spreadsheets.readonly sees only sheets, drive.readonly every Drive file",
  },
  {
    doc: "sheets.v4",
    id: "sheets.spreadsheets.create",
    verb: "POST",
    pathParams: [],
    scopes: ["drive", "drive.file", "spreadsheets"],
    want: "drive.file",
    because: "a new sheet is a file the app creates, exactly what drive.file covers",
  },
  {
    doc: "storage.v1",
    id: "storage.objects.insert",
    verb: "POST",
    pathParams: ["bucket"],
    scopes: ["cloud-platform", "devstorage.full_control", "devstorage.read_write"],
    want: "devstorage.read_write",
    because: "read_write creates objects; full_control adds ACL/IAM administration",
  },
  {
    doc: "storage.v1",
    id: "storage.objects.get",
    verb: "GET",
    pathParams: ["bucket", "object"],
    scopes: [
      "cloud-platform",
      "cloud-platform.read-only",
      "devstorage.full_control",
      "devstorage.read_only",
      "devstorage.read_write",
    ],
    want: "devstorage.read_only",
    because: "a read; devstorage.read_only is Storage only, cloud-platform.read-only all of Cloud",
  },
  {
    doc: "storage.v1",
    id: "storage.buckets.setIamPolicy",
    verb: "PUT",
    pathParams: ["bucket"],
    scopes: ["cloud-platform", "devstorage.full_control"],
    want: "devstorage.full_control",
    because: "IAM changes need full_control; cloud-platform is all of Cloud",
  },
  {
    doc: "drive.v3",
    id: "drive.files.create",
    verb: "POST",
    pathParams: [],
    scopes: ["drive", "drive.appdata", "drive.file"],
    want: "drive.file",
    because: "creating a file is what drive.file covers; drive.appdata only the hidden app folder",
  },
  {
    doc: "drive.v3",
    id: "drive.files.update",
    verb: "PATCH",
    pathParams: ["fileId"],
    scopes: ["drive", "drive.appdata", "drive.file", "drive.metadata", "drive.scripts"],
    want: "drive",
    because: "an existing file by ID: drive.file/appdata only cover the app's files, metadata no content",
  },
  {
    doc: "drive.v3",
    id: "drive.permissions.create",
    verb: "POST",
    pathParams: ["fileId"],
    scopes: ["drive", "drive.file"],
    want: "drive",
    because: "create, but on an existing file (fileId): drive.file does not cover it",
  },
  {
    doc: "drive.v3",
    id: "drive.files.get",
    verb: "GET",
    pathParams: ["fileId"],
    scopes: [
      "drive",
      "drive.appdata",
      "drive.file",
      "drive.meet.readonly",
      "drive.metadata",
      "drive.metadata.readonly",
      "drive.photos.readonly",
      "drive.readonly",
    ],
    want: "drive.readonly",
    because: "a read of any file (alt=media too): metadata.readonly has no content, photos/meet are slices",
  },
  {
    doc: "docs.v1",
    id: "docs.documents.batchUpdate",
    verb: "POST",
    pathParams: ["documentId"],
    scopes: ["documents", "drive", "drive.file"],
    want: "documents",
    because: "an existing document: documents covers Docs only, drive every file",
  },
  {
    doc: "slides.v1",
    id: "slides.presentations.batchUpdate",
    verb: "POST",
    pathParams: ["presentationId"],
    scopes: [
      "drive",
      "drive.file",
      "drive.readonly",
      "presentations",
      "spreadsheets",
      "spreadsheets.readonly",
    ],
    want: "presentations",
    because: "a write: the read-only scopes are listed for linked charts and cannot change a slide",
  },
  {
    doc: "gmail.v1",
    id: "gmail.users.messages.send",
    verb: "POST",
    pathParams: ["userId"],
    scopes: [
      "https://mail.google.com/",
      "gmail.addons.current.action.compose",
      "gmail.compose",
      "gmail.modify",
      "gmail.send",
    ],
    want: "gmail.send",
    because: "send-only is exactly the purpose; add-on scopes only work inside an add-on",
  },
  {
    doc: "gmail.v1",
    id: "gmail.users.messages.modify",
    verb: "POST",
    pathParams: ["userId", "id"],
    scopes: ["https://mail.google.com/", "gmail.modify"],
    want: "gmail.modify",
    because: "gmail.modify cannot delete permanently; mail.google.com is full access",
  },
  {
    doc: "youtube.v3",
    id: "youtube.videos.insert",
    verb: "POST",
    pathParams: [],
    scopes: ["youtube", "youtube.force-ssl", "youtube.upload", "youtubepartner"],
    want: "youtube.upload",
    because: "upload-only is exactly the purpose",
  },
  {
    doc: "calendar.v3",
    id: "calendar.events.insert",
    verb: "POST",
    pathParams: ["calendarId"],
    scopes: ["calendar", "calendar.app.created", "calendar.events", "calendar.events.owned"],
    want: "calendar.events.owned",
    because: "events on calendars the user owns (primary too); app.created only covers the app's calendars",
  },
  {
    doc: "bigquery.v2",
    id: "bigquery.tables.insert",
    verb: "POST",
    pathParams: ["projectId", "datasetId"],
    scopes: ["bigquery", "cloud-platform"],
    want: "bigquery",
    because: "BigQuery only rather than all of Cloud",
  },
  {
    doc: "pubsub.v1",
    id: "pubsub.projects.topics.publish",
    verb: "POST",
    pathParams: ["topic"],
    scopes: ["cloud-platform", "pubsub"],
    want: "pubsub",
    because: "Pub/Sub only rather than all of Cloud",
  },
];

const methodOf = (row: Row) => ({
  scopes: row.scopes.map(url),
  httpMethod: row.verb,
  name: row.id.split(".").at(-1)!,
  parameters: row.pathParams.map((name) => ({ name, location: "path" }) as ParameterModel),
});

describe("chooseScope on real methods", () => {
  it.each(ROWS.map((r) => [`${r.id} → ${r.want} (${r.because})`, r] as const))("%s", (_, row) => {
    const choice = chooseScope(methodOf(row));
    expect(choice && scopeLabel(choice.scope)).toBe(row.want);
    expect(choice?.reason.length).toBeGreaterThan(20);
  });

  it("never calls an app-files-only scope sufficient for a method on an existing resource", () => {
    for (const row of ROWS.filter((r) => r.pathParams.length > 0)) {
      expect(chooseScope(methodOf(row))?.scope, row.id).not.toMatch(/\.(file|appdata|app\.created)$/);
    }
  });

  it("says why drive.file was set aside for sheets values.update", () => {
    const reason = chooseScope(methodOf(ROWS[0]!))?.reason ?? "";
    expect(reason).toContain("(drive.file only covers what the app itself created or opened.)");
    expect(reason).toBe(reason.trim());
  });
});

describe.skipIf(!SNAPSHOT_DIR)(`the table matches the snapshot${SNAPSHOT_SKIP_REASON}`, () => {
  const docs = [...new Set(ROWS.map((r) => r.doc))];
  it.each(docs)("%s", (doc) => {
    const parsed = parseDiscoveryDocument(readFileSync(join(SNAPSHOT_DIR!, `${doc}.json`), "utf8"), doc);
    if (!parsed.ok) throw new Error(`${doc} does not parse`);
    const api = buildApiModel(parsed.doc);
    for (const row of ROWS.filter((r) => r.doc === doc)) {
      const method = findMethod(api, row.id);
      expect(method, row.id).toBeDefined();
      expect(method!.httpMethod, row.id).toBe(row.verb);
      expect(method!.scopes.map(scopeLabel), row.id).toEqual(row.scopes.map((s) => scopeLabel(url(s))));
      const path = method!.parameters.filter((p) => p.location === "path").map((p) => p.name);
      expect(path, row.id).toEqual(row.pathParams);
      expect(chooseScope(method!)?.scope, row.id).toBe(url(row.want));
    }
  });
});
