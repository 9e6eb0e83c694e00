/**
 * The workbench state kept in the browser history entry of its page (`history.state`), so Back and Forward
 * restore exactly what was on the page. Pure.
 *
 * Why not only the URL: a soft navigation (a link, the search palette) renders the page again from the router's
 * cached server render of the URL it was first opened with, so the form came back empty; and the URL may not
 * carry every part of the state. The entry holds the whole state under one key, next to the router's own fields.
 * Secret parameters are dropped (stripSecretParams), as for history and share links; empty list rows stay.
 */
import { isTargetId } from "../codegen/registry";
import type { SnippetOptions } from "../codegen/types";
import { parseExplorerRequest, stripSecretParams } from "../request/canonical";
import { initialState, type WorkbenchModel, type WorkbenchState } from "./state";

/** The key in `history.state`. */
export const ENTRY_KEY = "explorerWorkbench";
const VERSION = 1;

interface EntrySnapshot {
  readonly v: typeof VERSION;
  readonly request: unknown;
  readonly bodyText: string;
  readonly language: string;
  readonly options: SnippetOptions;
}

/** `historyState` (whatever the entry holds) with this page's workbench state added. */
export function withEntryState(historyState: unknown, state: WorkbenchState): Record<string, unknown> {
  const base =
    typeof historyState === "object" && historyState !== null
      ? (historyState as Record<string, unknown>)
      : {};
  const snapshot: EntrySnapshot = {
    v: VERSION,
    request: stripSecretParams(state.request),
    bodyText: state.bodyText,
    language: state.language,
    options: state.options,
  };
  return { ...base, [ENTRY_KEY]: snapshot };
}

function readOptions(v: unknown): SnippetOptions {
  if (typeof v !== "object" || v === null) return {};
  const o = v as Record<string, unknown>;
  return {
    ...(o.allPages === true ? { allPages: true } : {}),
    ...(o.tokenCache === true ? { tokenCache: true } : {}),
    ...(typeof o.downloadTo === "string" ? { downloadTo: o.downloadTo } : {}),
  };
}

/**
 * The workbench state an entry holds for this method, or null (no snapshot, another method, or anything that does
 * not parse: the entry is outside our control, e.g. restored by the browser from an older version).
 */
export function entryState(historyState: unknown, model: WorkbenchModel): WorkbenchState | null {
  if (typeof historyState !== "object" || historyState === null) return null;
  const raw = (historyState as Record<string, unknown>)[ENTRY_KEY];
  if (typeof raw !== "object" || raw === null) return null;
  const s = raw as Record<string, unknown>;
  if (s.v !== VERSION || typeof s.bodyText !== "string" || typeof s.language !== "string") return null;
  if (!isTargetId(s.language)) return null;
  const parsed = parseExplorerRequest(s.request);
  if (!parsed.ok) return null;
  const req = parsed.value;
  const { api, method } = model;
  if (req.api !== api.name || req.version !== api.version || req.method !== method.id) return null;
  return initialState(model, req, s.language, s.bodyText, readOptions(s.options));
}
