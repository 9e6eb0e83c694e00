/** The one function the benchmark uses from google-discovery-to-swagger (a CommonJS package without types). */
declare module "google-discovery-to-swagger" {
  /** Discovery document → Swagger 2.0 document; throws (node:assert) on constructs it does not support. */
  export function convert(discovery: unknown): Record<string, unknown>;
}
