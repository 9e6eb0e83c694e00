/** What the Python target adds to a downloaded project (lib/project-download): requirements.txt and how to run. */
import { code } from "@/lib/project-download/markdown";
import { PYTHON_MIN_VERSION } from "@/lib/project-download/runtimes";
import type { RequestAuth } from "@/lib/request/types";

import type { TargetProject } from "../../types";
import { PYTHON_AUTH } from "./auth";

const FILE = "snippet.py";

/** What a Python project installs for `auth`: exactly the packages the snippet's Install line names. */
export function pythonRequirements(auth: RequestAuth): readonly string[] {
  return PYTHON_AUTH[auth.type].packages;
}

export const pythonProject: TargetProject = {
  snippetFile: FILE,
  manifest: (_, input) => [
    { path: "requirements.txt", content: `${pythonRequirements(input.auth).join("\n")}\n` },
  ],
  manifestNotes: (input) => [`${code("requirements.txt")}: ${pythonRequirements(input.auth).join(", ")}.`],
  runSection: [
    "## Run",
    "",
    `Python ${PYTHON_MIN_VERSION} or later (what the pinned client libraries require):`,
    "",
    "```sh",
    "python3 -m venv .venv",
    ". .venv/bin/activate    # Windows: .venv\\Scripts\\activate",
    "pip install -r requirements.txt",
    `python ${FILE}`,
    "```",
    "",
  ],
  ignored: ["# The virtualenv the README creates.", ".venv/"],
  ignoredNames: [".venv"],
};
