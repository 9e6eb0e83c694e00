/**
 * The oldest runtimes the downloaded projects run on: the highest minimum that the pinned client libraries
 * declare in their own package metadata (`Requires-Python` of google-api-python-client 2.201 and
 * google-auth-oauthlib 1.5; `engines.node` of googleapis 188 and tsx). `runtimes.test.ts` reads the installed
 * packages and fails when these drift.
 */
export const PYTHON_MIN_VERSION = "3.10";
export const NODE_MIN_VERSION = "22";
