import { describe, expect, it } from "vitest";
import { accessTokenSource } from "./token-sources";

const A = "https://www.googleapis.com/auth/";

describe("accessTokenSource", () => {
  it("never offers gcloud for Gmail or Sheets (non-Cloud scopes)", () => {
    for (const scopes of [
      ["https://mail.google.com/", `${A}gmail.modify`, `${A}gmail.readonly`],
      [`${A}drive`, `${A}drive.file`, `${A}spreadsheets`],
    ]) {
      const source = accessTokenSource(scopes);
      expect(source.gcloud).toBe(false);
      expect(source.text).not.toMatch(/^From `?gcloud/);
      expect(source.text).toContain("OAuth 2.0 Playground");
      expect(source.text).toContain("Not from gcloud auth print-access-token");
    }
  });

  it("offers gcloud when the method accepts cloud-platform (storage, BigQuery)", () => {
    const source = accessTokenSource([`${A}cloud-platform`, `${A}devstorage.read_write`]);
    expect(source.gcloud).toBe(true);
    expect(source.text).toContain("gcloud auth print-access-token");
  });
});
