/**
 * Small literal ApiModel / MethodModel fixtures for lib/request and lib/auth tests, shaped after the real
 * youtube v3, drive v3, calendar v3 and secretmanager v1 documents (trimmed to what the tests need).
 * Kept literal (not built from zoo.json) so these tests do not depend on lib/discovery/model.ts.
 */
import type { ApiModel, MethodModel, ParameterModel } from "../../discovery/model-types";

export const AUTH = "https://www.googleapis.com/auth/";

export function param(name: string, overrides: Partial<ParameterModel> = {}): ParameterModel {
  return {
    name,
    location: "query",
    type: "string",
    required: false,
    repeated: false,
    description: "",
    deprecated: false,
    standard: false,
    ...overrides,
  };
}

export function method(id: string, overrides: Partial<MethodModel> = {}): MethodModel {
  const parts = id.split(".");
  return {
    id,
    name: parts[parts.length - 1] ?? id,
    resourcePath: parts.slice(1, -1),
    httpMethod: "GET",
    path: parts.slice(1, -1).join("/"),
    description: "",
    deprecated: false,
    parameters: [],
    parameterOrder: [],
    requestSchema: null,
    responseSchema: null,
    scopes: [],
    supportsMediaUpload: false,
    mediaUpload: null,
    supportsMediaDownload: false,
    useMediaDownloadService: false,
    pageable: false,
    ...overrides,
  };
}

const std = (name: string, overrides: Partial<ParameterModel> = {}): ParameterModel =>
  param(name, { standard: true, ...overrides });

/** The standard parameters most current documents declare, sorted by name like ApiModel.standardParameters. */
export const STANDARD_PARAMETERS: readonly ParameterModel[] = [
  std("$.xgafv", {
    enum: [
      { value: "1", description: "v1 error format", deprecated: false },
      { value: "2", description: "v2 error format", deprecated: false },
    ],
  }),
  std("access_token"),
  std("alt", {
    default: "json",
    enum: [
      { value: "json", description: "", deprecated: false },
      { value: "media", description: "", deprecated: false },
      { value: "proto", description: "", deprecated: false },
    ],
  }),
  std("callback"),
  std("fields"),
  std("key"),
  std("oauth_token"),
  std("prettyPrint", { type: "boolean", default: "true" }),
  std("quotaUser"),
  std("uploadType"),
  std("upload_protocol"),
];

export function api(name: string, version: string, overrides: Partial<ApiModel> = {}): ApiModel {
  const rootUrl = overrides.rootUrl ?? `https://${name}.googleapis.com/`;
  const servicePath = overrides.servicePath ?? `${name}/${version}/`;
  return {
    name,
    version,
    id: `${name}:${version}`,
    title: name,
    description: "",
    revision: "20260924",
    documentationLink: null,
    rootUrl,
    servicePath,
    batchPath: "batch",
    mtlsRootUrl: null,
    baseUrl: rootUrl + servicePath,
    features: [],
    scopes: [],
    standardParameters: STANDARD_PARAMETERS,
    rootMethodIds: [],
    resources: [],
    methods: [],
    schemas: {},
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------- youtube v3

export const channelsList = method("youtube.channels.list", {
  path: "youtube/v3/channels",
  parameters: [
    param("part", { required: true, repeated: true }),
    param("categoryId"),
    param("forHandle"),
    param("forUsername"),
    param("hl"),
    param("id", { repeated: true }),
    param("managedByMe", { type: "boolean" }),
    param("maxResults", { type: "integer", format: "uint32", minimum: 0, maximum: 50, default: "5" }),
    param("mine", { type: "boolean" }),
    param("mySubscribers", { type: "boolean" }),
    param("onBehalfOfContentOwner"),
    param("pageToken"),
  ],
  parameterOrder: ["part"],
  responseSchema: "ChannelListResponse",
  scopes: [`${AUTH}youtube`, `${AUTH}youtube.force-ssl`, `${AUTH}youtube.readonly`, `${AUTH}youtubepartner`],
  pageable: true,
});

export const videosInsert = method("youtube.videos.insert", {
  httpMethod: "POST",
  path: "youtube/v3/videos",
  parameters: [
    param("part", { required: true, repeated: true }),
    param("notifySubscribers", { type: "boolean", default: "true" }),
    param("onBehalfOfContentOwner"),
  ],
  parameterOrder: ["part"],
  requestSchema: "Video",
  responseSchema: "Video",
  scopes: [`${AUTH}youtube`, `${AUTH}youtube.force-ssl`, `${AUTH}youtube.upload`, `${AUTH}youtubepartner`],
  supportsMediaUpload: true,
  mediaUpload: {
    accept: ["application/octet-stream", "video/*"],
    maxSizeBytes: 274877906944,
    simplePath: "/upload/youtube/v3/videos",
    resumablePath: "/resumable/upload/youtube/v3/videos",
    multipart: true,
  },
});

export const youtube = api("youtube", "v3", {
  rootUrl: "https://youtube.googleapis.com/",
  servicePath: "",
  baseUrl: "https://youtube.googleapis.com/",
  methods: [channelsList, videosInsert],
});

// ------------------------------------------------------------------------------------------------ drive v3

export const filesCreate = method("drive.files.create", {
  httpMethod: "POST",
  path: "files",
  parameters: [
    param("enforceSingleParent", { type: "boolean", deprecated: true }),
    param("ignoreDefaultVisibility", { type: "boolean" }),
    param("includeLabels"),
    param("keepRevisionForever", { type: "boolean" }),
    param("supportsAllDrives", { type: "boolean" }),
  ],
  requestSchema: "File",
  responseSchema: "File",
  scopes: [`${AUTH}drive`, `${AUTH}drive.appdata`, `${AUTH}drive.file`],
  supportsMediaUpload: true,
  mediaUpload: {
    accept: ["*/*"],
    maxSizeBytes: 5497558138880,
    simplePath: "/upload/drive/v3/files",
    resumablePath: "/resumable/upload/drive/v3/files",
    multipart: true,
  },
});

export const filesGet = method("drive.files.get", {
  path: "files/{fileId}",
  parameters: [
    param("fileId", { location: "path", required: true }),
    param("acknowledgeAbuse", { type: "boolean" }),
    param("supportsAllDrives", { type: "boolean" }),
  ],
  parameterOrder: ["fileId"],
  responseSchema: "File",
  scopes: [
    `${AUTH}drive`,
    `${AUTH}drive.appdata`,
    `${AUTH}drive.file`,
    `${AUTH}drive.meet.readonly`,
    `${AUTH}drive.metadata`,
    `${AUTH}drive.metadata.readonly`,
    `${AUTH}drive.photos.readonly`,
    `${AUTH}drive.readonly`,
  ],
  supportsMediaDownload: true,
});

/** Upload method without a declared simple path (falls back to rootUrl + "upload/" + servicePath + path). */
export const filesUpdate = method("drive.files.update", {
  httpMethod: "PATCH",
  path: "files/{fileId}",
  parameters: [param("fileId", { location: "path", required: true }), param("addParents")],
  parameterOrder: ["fileId"],
  requestSchema: "File",
  responseSchema: "File",
  scopes: [
    `${AUTH}drive`,
    `${AUTH}drive.appdata`,
    `${AUTH}drive.file`,
    `${AUTH}drive.metadata`,
    `${AUTH}drive.scripts`,
  ],
  supportsMediaUpload: true,
  mediaUpload: {
    accept: ["*/*"],
    maxSizeBytes: null,
    simplePath: null,
    resumablePath: null,
    multipart: true,
  },
});

export const drive = api("drive", "v3", {
  rootUrl: "https://www.googleapis.com/",
  servicePath: "drive/v3/",
  baseUrl: "https://www.googleapis.com/drive/v3/",
  methods: [filesCreate, filesGet, filesUpdate],
});

// --------------------------------------------------------------------------------------------- calendar v3

export const eventsGet = method("calendar.events.get", {
  path: "calendars/{calendarId}/events/{eventId}",
  parameters: [
    param("calendarId", { location: "path", required: true }),
    param("eventId", { location: "path", required: true }),
    param("alwaysIncludeEmail", { type: "boolean", deprecated: true }),
    param("maxAttendees", { type: "integer", format: "int32", minimum: 1 }),
    param("timeZone"),
  ],
  parameterOrder: ["calendarId", "eventId"],
  responseSchema: "Event",
  scopes: [
    `${AUTH}calendar`,
    `${AUTH}calendar.events`,
    `${AUTH}calendar.events.readonly`,
    `${AUTH}calendar.readonly`,
  ],
});

export const calendar = api("calendar", "v3", {
  rootUrl: "https://www.googleapis.com/",
  servicePath: "calendar/v3/",
  baseUrl: "https://www.googleapis.com/calendar/v3/",
  methods: [eventsGet],
});

// ---------------------------------------------------------------------------------------- secretmanager v1

export const secretsAccess = method("secretmanager.projects.secrets.versions.access", {
  path: "v1/{+name}:access",
  flatPath: "v1/projects/{projectsId}/secrets/{secretsId}/versions/{versionsId}:access",
  apiVersion: "v1_20260101",
  parameters: [
    param("name", {
      location: "path",
      required: true,
      pattern: "^projects/[^/]+/secrets/[^/]+/versions/[^/]+$",
    }),
  ],
  parameterOrder: ["name"],
  responseSchema: "AccessSecretVersionResponse",
  scopes: [`${AUTH}cloud-platform`],
});

export const secretsList = method("secretmanager.projects.secrets.list", {
  path: "v1/{+parent}/secrets",
  parameters: [
    param("parent", { location: "path", required: true, pattern: "^projects/[^/]+$" }),
    param("filter"),
    param("pageSize", { type: "integer", format: "int32" }),
    param("pageToken"),
  ],
  parameterOrder: ["parent"],
  responseSchema: "ListSecretsResponse",
  scopes: [`${AUTH}cloud-platform`],
  pageable: true,
});

export const secretmanager = api("secretmanager", "v1", {
  rootUrl: "https://secretmanager.googleapis.com/",
  servicePath: "",
  baseUrl: "https://secretmanager.googleapis.com/",
  methods: [secretsList, secretsAccess],
});

// --------------------------------------------------------------------------- synthetic: every type/format

export const zooTypes = method("zoo.types.get", {
  path: "types",
  parameters: [
    param("i32", { type: "integer", format: "int32" }),
    param("u32", { type: "integer", format: "uint32" }),
    param("int", { type: "integer" }),
    param("i64", { type: "string", format: "int64" }),
    param("u64", { type: "string", format: "uint64" }),
    param("bounded64", { type: "string", format: "int64", minimum: -5, maximum: 9007199254740993 }),
    param("num", { type: "number", format: "double", minimum: 0.5, maximum: 2.5 }),
    param("flag", { type: "boolean" }),
    param("str"),
    param("color", {
      enum: [
        { value: "red", description: "", deprecated: false },
        { value: "green", description: "", deprecated: true },
      ],
    }),
    param("colors", {
      repeated: true,
      enum: [
        { value: "red", description: "", deprecated: false },
        { value: "blue", description: "", deprecated: false },
      ],
    }),
    param("max-results", { type: "integer", format: "int32", minimum: 1, maximum: 50 }),
    param("javaOnly", { pattern: "^(?>a+)b$" }),
    param("prefixOnly", { pattern: "[a-z]+" }),
    param("obj", { type: "object" }),
  ],
  scopes: [],
});

export const zoo = api("zoo", "v1", { methods: [zooTypes] });
