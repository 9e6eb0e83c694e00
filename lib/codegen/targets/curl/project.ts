/** What the cURL target adds to a downloaded project (lib/project-download): nothing to install; run the script. */
import { exportLine } from "@/lib/project-download/markdown";

import type { TargetProject } from "../../types";

const FILE = "request.sh";

export const curlProject: TargetProject = {
  snippetFile: FILE,
  snippetMode: 0o755,
  manifest: () => [],
  manifestNotes: () => [],
  runSection: ["## Run", "", "```sh", `sh ${FILE}`, "```", ""],
  ignored: [],
  ignoredNames: [],
  accessTokenStep: exportLine("ACCESS_TOKEN"),
};
