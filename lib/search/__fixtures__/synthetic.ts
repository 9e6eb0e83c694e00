/**
 * Test helper: a small hand-written search source (a few versions of YouTube, Compute, Drive and Gmail) whose
 * rankings lib/search/search.test.ts pins down, and over which lib/search/query-equivalence.test.ts compares the
 * fast query with the reference one.
 */
import type { HttpVerb } from "../../discovery/model-types";
import type { SearchSourceApi } from "../types";

export const m = (id: string, httpMethod: HttpVerb, path: string, description = "", deprecated = false) => ({
  id,
  httpMethod,
  path,
  description,
  deprecated,
});

export const SYNTHETIC: SearchSourceApi[] = [
  {
    name: "youtube",
    version: "v3",
    title: "YouTube Data API v3",
    preferred: true,
    methods: [
      m(
        "youtube.channels.list",
        "GET",
        "youtube/v3/channels",
        "Retrieves a list of resources, possibly filtered.",
      ),
      m("youtube.channelSections.list", "GET", "youtube/v3/channelSections", "Lists channel sections."),
      m("youtube.channelSections.insert", "POST", "youtube/v3/channelSections", "Inserts a new resource."),
      m(
        "youtube.videos.insert",
        "POST",
        "youtube/v3/videos",
        "Uploads a <b>video</b> to YouTube. Then more.",
      ),
      m("youtube.search.list", "GET", "youtube/v3/search", "Searches for channels."),
    ],
  },
  {
    name: "youtubeAnalytics",
    version: "v2",
    title: "YouTube Analytics API",
    preferred: true,
    methods: [
      m("youtubeAnalytics.reports.query", "GET", "v2/reports", "Retrieve your YouTube Analytics reports."),
    ],
  },
  {
    name: "compute",
    version: "beta",
    title: "Compute Engine API",
    preferred: false,
    methods: [
      m(
        "compute.instances.insert",
        "POST",
        "projects/{project}/zones/{zone}/instances",
        "Creates an instance.",
      ),
      m("compute.instances.list", "GET", "projects/{project}/zones/{zone}/instances"),
    ],
  },
  {
    name: "compute",
    version: "v1",
    title: "Compute Engine API",
    preferred: true,
    methods: [
      m(
        "compute.instances.insert",
        "POST",
        "projects/{project}/zones/{zone}/instances",
        "Creates an instance.",
      ),
      m("compute.instances.list", "GET", "projects/{project}/zones/{zone}/instances"),
      m("compute.instanceTemplates.insert", "POST", "projects/{project}/global/instanceTemplates"),
      m(
        "compute.instances.getIamPolicy",
        "GET",
        "projects/{project}/zones/{zone}/instances/{resource}/getIamPolicy",
      ),
      m(
        "compute.regionInstances.bulkInsert",
        "POST",
        "projects/{project}/regions/{region}/instances/bulkInsert",
      ),
    ],
  },
  {
    name: "drive",
    version: "v3",
    title: "Google Drive API",
    preferred: true,
    methods: [
      m("drive.files.create", "POST", "files", "Creates a new file."),
      m("drive.files.list", "GET", "files", "Lists the user's files."),
      m("drive.files.get", "GET", "files/{fileId}", "Gets a file's metadata or content by ID."),
      m("drive.drives.list", "GET", "drives", "Lists the user's shared drives."),
      m("drive.files.emptyTrash", "DELETE", "files/trash", "Permanently deletes all trashed files.", true),
    ],
  },
  {
    name: "drive",
    version: "v2",
    title: "Google Drive API",
    preferred: false,
    methods: [m("drive.files.insert", "POST", "files", "Inserts a new file.")],
  },
  { name: "gmail", version: "v1", title: "Gmail API", preferred: true, methods: [] },
];
