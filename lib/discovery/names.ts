/**
 * The grammar of API names, versions and method ids, checked before any fetch: a name from a URL is put into the
 * source's document URL, so `..` or `a/b` there would make the server fetch some other path of the source's host.
 * Google's directory uses lower-case names (`youtube`, `admin`) and versions such as `v3`, `v1beta1`, `v1.4`,
 * `directory_v1`; the grammar is a little wider (capitals, `-`) so test and mirror documents fit, never wider than
 * one safe path segment.
 * @see https://developers.google.com/discovery/v1/reference/apis/list
 */

const API_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const API_VERSION = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.)){0,99}$/;
/** Method ids are looked up, never fetched: anything printable of a sane length (hostile documents have odd ones). */
const METHOD_ID = /^[^\u0000-\u001f\u007f/]{1,500}$/u;

export const isApiName = (name: string): boolean => API_NAME.test(name);
export const isApiVersion = (version: string): boolean => API_VERSION.test(version);
export const isMethodId = (id: string): boolean => METHOD_ID.test(id);

/** Why `name version` cannot name a document, or null when both fit the grammar. */
export function apiRefProblem(name: string, version: string): string | null {
  if (!isApiName(name)) return `${JSON.stringify(name.slice(0, 120))} is not an API name.`;
  if (!isApiVersion(version)) return `${JSON.stringify(version.slice(0, 120))} is not an API version.`;
  return null;
}
