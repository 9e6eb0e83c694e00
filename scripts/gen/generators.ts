/** The list `npm run gen` walks; a new generated module is one entry here. */
import { generatePythonStaticApis } from "../../lib/codegen/gen-python-static-apis";
import { generateGoogleapisApis } from "../../lib/codegen/naming/gen-googleapis-apis";
import { generateGoogleapisMissingMethods } from "../../lib/codegen/naming/gen-googleapis-missing-methods";
import type { GeneratedFileSource } from "./header";

export interface Generator extends GeneratedFileSource {
  /** The generated module, repo-relative. */
  readonly out: string;
  /** The module body (without the header), from the repo root's installed packages. */
  readonly generate: (root: string) => string;
}

export const GENERATORS: readonly Generator[] = [
  {
    out: "lib/codegen/python-static-apis.generated.ts",
    by: "lib/codegen/gen-python-static-apis.ts",
    from: "google-api-python-client's discovery_cache/documents (.venv)",
    generate: generatePythonStaticApis,
  },
  {
    out: "lib/codegen/naming/googleapis-apis.generated.ts",
    by: "lib/codegen/naming/gen-googleapis-apis.ts",
    from: "node_modules/googleapis/build/src/apis/<name>/index.d.ts",
    generate: () => generateGoogleapisApis(),
  },
  {
    out: "lib/codegen/naming/googleapis-missing-methods.generated.ts",
    by: "lib/codegen/naming/gen-googleapis-missing-methods.ts",
    from: "the snapshot documents (.venv) and node_modules/googleapis",
    generate: () => generateGoogleapisMissingMethods(),
  },
];
