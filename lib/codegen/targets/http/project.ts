/** What the HTTP target adds to a downloaded project (lib/project-download): the raw request and how to send it. */
import { code } from "@/lib/project-download/markdown";

import type { TargetProject } from "../../types";

const FILE = "request.http";

export const httpProject: TargetProject = {
  snippetFile: FILE,
  manifest: () => [],
  manifestNotes: () => [],
  runSection: [
    "## Run",
    "",
    `${code(FILE)} is the raw HTTP request. Open it with an HTTP client that reads ${code(".http")} files (for example`,
    "the REST Client extension of VS Code or the HTTP client of JetBrains IDEs), or use the cURL project instead.",
    "",
  ],
  ignored: [],
  ignoredNames: [],
  accessTokenStep: `put it in place of ${code("{ACCESS_TOKEN}")}`,
};
