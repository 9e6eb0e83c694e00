import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { docPathFor } from "@/lib/codegen/__fixtures__/load";
import { buildApiModel, findMethod } from "@/lib/discovery/model";
import type { RawRestDescription } from "@/lib/discovery/types";
import { validateRequest } from "@/lib/request/validate";

import { sampleRequest } from "./sample";

const docPath = docPathFor("snapshot:youtube.v3");

describe.skipIf(docPath === null)("sampleRequest with standard parameters", () => {
  const api = buildApiModel(JSON.parse(readFileSync(docPath!, "utf8")) as RawRestDescription);
  const method = findMethod(api, "youtube.videos.list")!;

  it("sets every standard parameter but the credential ones, and the request validates clean", () => {
    const { request, problems } = sampleRequest(api, method, { standardParams: true });
    expect(problems).toEqual([]);
    expect(Object.keys(request.params).filter((n) => !method.parameters.some((p) => p.name === n))).toEqual([
      "$.xgafv",
      "alt",
      "callback",
      "fields",
      "prettyPrint",
      "quotaUser",
      "uploadType",
      "upload_protocol",
    ]);
    expect(request.params.alt).toBe("json");
    expect(validateRequest(api, method, request)).toEqual([]);
  });

  it("without the option, only required parameters", () => {
    const { request } = sampleRequest(api, method);
    expect(Object.keys(request.params)).toEqual(["part"]);
  });
});
