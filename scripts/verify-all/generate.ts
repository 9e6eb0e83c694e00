/**
 * Stage 1–2 and snippet generation for the sweep: for each method of each snapshot document, the sample request,
 * `validateRequest`, `prepareSnippetInput` (→ `buildHttpRequest`, the explorer stage) and the four targets.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { generateSnippet } from "@/lib/codegen/registry";
import { prepareSnippetInput } from "@/lib/codegen/prepare";
import type { SnippetInput } from "@/lib/codegen/types";
import { TARGET_IDS, type TargetId } from "@/lib/codegen/types";
import { buildApiModel } from "@/lib/discovery/model";
import type { ApiModel, MethodModel } from "@/lib/discovery/model-types";
import { parseDocumentFileName } from "@/lib/discovery/sources/snapshot";
import { parseDiscoveryDocument } from "@/lib/discovery/validate";
import { validateRequest } from "@/lib/request/validate";
import type { ExplorerRequest, HttpRequestSpec, ValidationIssue } from "@/lib/request/types";

import { sampleRequest } from "./sample";

export type StageStatus = "passed" | "failed" | "skipped";

export interface StageResult {
  status: StageStatus;
  /** Short cause, used for grouping (no method-specific text). */
  cause?: string;
  /** Details (method-specific). */
  detail?: string;
}

/** One method of the sweep; the snippet texts are dropped once the stages that need them have run. */
export interface MethodItem {
  /** `name.version` of the document FILE (the `build()` key). */
  readonly docKey: string;
  readonly docPath: string;
  readonly apiName: string;
  readonly apiVersion: string;
  readonly methodId: string;
  readonly httpMethod: string;
  readonly request: ExplorerRequest;
  readonly http: HttpRequestSpec | null;
  readonly pythonStatic: boolean;
  readonly inGoogleapis: boolean;
  readonly dataWrapper: boolean;
  readonly hasBody: boolean;
  /** The method declares a response schema (else google-api-python-client uses RawModel). */
  readonly hasResponse: boolean;
  /** `rootUrl$discovery/rest?version=…`: what the TS snippet's google.discoverAPI fetches. */
  readonly discoveryUrl: string;
  python?: string;
  typescript?: string;
  readonly stages: {
    sample: StageResult;
    validate: StageResult;
    explorer: StageResult;
    generate: StageResult;
    pythonParse: StageResult;
    pythonRun: StageResult;
    tsTypecheck: StageResult;
    tsRun: StageResult;
  };
}

export interface DocRef {
  readonly key: string;
  readonly path: string;
}

/** Every `{name}.{version}.json` in the snapshot directory, sorted. */
export function listSnapshotDocs(dir: string): DocRef[] {
  return readdirSync(dir)
    .filter((f) => parseDocumentFileName(f) !== null)
    .sort()
    .map((f) => ({ key: f.slice(0, -".json".length), path: join(dir, f) }));
}

export interface GenerateTiming {
  /** ms spent generating all four targets for every method. */
  generateMs: number;
  snippets: number;
  perTarget: Record<TargetId, number>;
}

const pending = (): StageResult => ({ status: "skipped", cause: "not run" });

function issuesText(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.param} [${i.code}]: ${i.message}`).join("; ");
}

/** Loads one document; null with a reason when it does not parse. */
export function loadApi(doc: DocRef): { api: ApiModel } | { error: string } {
  const parsed = parseDiscoveryDocument(readFileSync(doc.path, "utf8"), doc.key);
  if (!parsed.ok) return { error: parsed.error.message };
  return { api: buildApiModel(parsed.doc) };
}

/**
 * Builds the items of one document and generates its snippets (python and typescript texts are kept; curl and
 * http are generated for the throughput figure and the "generate" stage, then dropped).
 */
export function generateForApi(
  doc: DocRef,
  api: ApiModel,
  methods: readonly MethodModel[],
  timing: GenerateTiming,
  /** Ids of the methods whose sample also sets every standard parameter (`fields`, `$.xgafv`, …). */
  withStandardParams: ReadonlySet<string> = new Set(),
): MethodItem[] {
  const out: MethodItem[] = [];
  for (const method of methods) {
    const { request, problems } = sampleRequest(api, method, {
      standardParams: withStandardParams.has(method.id),
    });
    const stages: MethodItem["stages"] = {
      sample:
        problems.length > 0
          ? { status: "failed", cause: "no sample value for a pattern", detail: problems.join("; ") }
          : { status: "passed" },
      validate: pending(),
      explorer: pending(),
      generate: pending(),
      pythonParse: pending(),
      pythonRun: pending(),
      tsTypecheck: pending(),
      tsRun: pending(),
    };
    const issues = validateRequest(api, method, request);
    stages.validate =
      issues.length === 0
        ? { status: "passed" }
        : {
            status: "failed",
            cause: `validateRequest: ${issues
              .map((i) => i.code)
              .sort()
              .join(",")}`,
            detail: issuesText(issues),
          };

    let input: SnippetInput | null = null;
    let http: HttpRequestSpec | null = null;
    try {
      input = prepareSnippetInput({ api, method, request });
      http = input.http;
      if (http.missingPathParams && http.missingPathParams.length > 0) {
        stages.explorer = {
          status: "failed",
          cause: "missing path parameters",
          detail: http.missingPathParams.join(", "),
        };
      } else {
        new URL(http.url);
        stages.explorer = { status: "passed" };
      }
    } catch (e) {
      stages.explorer = {
        status: "failed",
        cause: `buildHttpRequest threw: ${(e as Error).name}`,
        detail: String((e as Error).message),
      };
    }

    const item: MethodItem = {
      docKey: doc.key,
      docPath: doc.path,
      apiName: api.name,
      apiVersion: api.version,
      methodId: method.id,
      httpMethod: method.httpMethod,
      request,
      http,
      pythonStatic: input?.api.pythonStatic ?? false,
      inGoogleapis: input?.api.inGoogleapis ?? false,
      dataWrapper: input?.api.dataWrapper ?? false,
      hasBody: http?.body !== null && http?.body !== undefined,
      hasResponse: method.responseSchema !== null,
      discoveryUrl: `${api.rootUrl}$discovery/rest?version=${api.version}`,
      stages,
    };
    if (input !== null) {
      const failures: string[] = [];
      for (const target of TARGET_IDS) {
        const t0 = performance.now();
        try {
          const text = generateSnippet(target, input);
          if (target === "python") item.python = text;
          if (target === "typescript") item.typescript = text;
        } catch (e) {
          failures.push(`${target}: ${(e as Error).message}`);
        }
        const dt = performance.now() - t0;
        timing.perTarget[target] += dt;
        timing.generateMs += dt;
        timing.snippets += 1;
      }
      stages.generate =
        failures.length === 0
          ? { status: "passed" }
          : { status: "failed", cause: "generator threw", detail: failures.join("; ") };
    }
    out.push(item);
  }
  return out;
}

export function newTiming(): GenerateTiming {
  return { generateMs: 0, snippets: 0, perTarget: { typescript: 0, python: 0, curl: 0, http: 0 } };
}
