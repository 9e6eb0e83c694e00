"use client";

import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";

import { CodePanel } from "@/components/code-panel/code-panel";
import { PickPathContext } from "@/components/fields/pick-path-context";
import { useSchemaGraph } from "@/components/fields/use-schema-graph";
import { RequestPreview } from "@/components/method/request-preview";
import { RequestForm } from "@/components/request-form/request-form";
import { TryItPanel } from "@/components/try-it/try-it-panel";
import type { ParamDocs, ScopeOption } from "@/components/request-form/types";
import type { SnippetOptions, TargetId } from "@/lib/codegen/types";
import type { ApiModel, MethodModel, ParameterModel } from "@/lib/discovery/model-types";
import { selectionIssues, selectionTarget, selectionText } from "@/lib/fields/param-issues";
import { addFieldPath } from "@/lib/fields/partial-response";
import { defaultRequest } from "@/lib/request/canonical";
import { prepareRequest } from "@/lib/request/prepare";
import { schemaGraphPath } from "@/lib/routes";
import { encodeShareState } from "@/lib/request/share";
import type { ExplorerRequest, JsonValue, MediaSpec, RequestAuth } from "@/lib/request/types";
import { formStandardParams } from "@/lib/workbench/fields";
import {
  cleanForHistory,
  clearHistory,
  HISTORY_KEY,
  parseHistory,
  recordHistory,
  toHistoryItems,
  type HistoryItem,
} from "@/lib/workbench/history";
import {
  bodyError,
  initialState,
  reduceWorkbench,
  type WorkbenchAction,
  type WorkbenchState,
} from "@/lib/workbench/state";
import { entryState, ENTRY_KEY, withEntryState } from "@/lib/workbench/history-entry";
import { loadTabState, newTabStateId, saveTabState } from "@/lib/workbench/tab-state";
import {
  decodeUrlState,
  DOWNLOAD_TO_DROPPED_NOTICE,
  MEDIA_DROPPED_NOTICE,
  stateLink,
  tabStateHref,
  type StateLink,
} from "@/lib/workbench/url-state";

import { adoptEarlyInput } from "./adopt-early-input";
import { HistoryPanel } from "./history-panel";
import { ShareBox } from "./share-box";

/** How long the URL waits for typing to pause before it is updated (history.replaceState). */
const URL_DEBOUNCE_MS = 200;
/** How long history waits before recording the current request. */
const HISTORY_DEBOUNCE_MS = 800;
const SENSITIVE_BODY = /"[^"]*(pass(word|wd)?|secret|token|api_?key)[^"]*"\s*:/i;

export interface RequestWorkbenchProps {
  /** sliceApiForMethod(api, method): the API without other methods or schemas. */
  readonly api: ApiModel;
  readonly method: MethodModel;
  readonly docs: ParamDocs;
  readonly scopes: readonly ScopeOption[];
  readonly suggestedScopes: readonly string[];
  /** Where the body editor fetches the request body's JSON Schema (bodySchemaPath), or null. */
  readonly bodySchemaUrl: string | null;
  /**
   * The "Insert skeleton" body (server-computed) as JSON text, or null; and the request the form starts from,
   * as JSON text. Text, not objects: React's server-to-client transfer deletes every key named `__proto__`
   * (react-server-dom client `reviveModel`), so such a parameter or body property (a hostile document, a share
   * link) would silently vanish from the form.
   */
  readonly bodySkeletonJson: string | null;
  readonly initialRequestJson: string;
  readonly initialLanguage: TargetId;
  readonly initialBodyText?: string;
  readonly initialOptions: SnippetOptions;
  /** Why the link's request could not be used (the form then starts empty). */
  readonly linkError?: string;
  /** The link's request names another document revision (information only). */
  readonly revisionNote?: string;
  /** The link named a download path, which was left out. */
  readonly downloadToDropped?: boolean;
  /** The link named an upload file in another folder (or a hidden one), which was left out. */
  readonly mediaDropped?: boolean;
  /** `?tab=<id>`: the state is in this tab's sessionStorage (too long for a link); restored after hydration. */
  readonly tabStateId?: string;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The state this tab keeps under `id`, or null. */
function tabStateQuery(id: string): string | null {
  const storage = safeSessionStorage();
  return storage === null ? null : loadTabState(storage, id);
}

const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;

/** Fired after this page writes history; `storage` events cover other tabs. */
const HISTORY_EVENT = "explorer-history-change";

function subscribeHistory(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(HISTORY_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(HISTORY_EVENT, onChange);
  };
}

/** The stored history text ("" when none); null on the server, so history renders only after hydration. */
function historySnapshot(): string {
  try {
    return window.localStorage.getItem(HISTORY_KEY) ?? "";
  } catch {
    return "";
  }
}

/**
 * The interactive part of the method page: the request form, the live HTTP request and the generated code. The
 * request lives here; the URL mirrors it (debounced replaceState, never a navigation) so reload and share links
 * restore it, and history records it.
 */
export function RequestWorkbench(props: RequestWorkbenchProps) {
  const { api, method } = props;
  const model = useMemo(() => ({ api, method }), [api, method]);
  const reducer = useCallback(
    (s: WorkbenchState, a: WorkbenchAction) => reduceWorkbench(model, s, a),
    [model],
  );
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    initialState(
      model,
      JSON.parse(props.initialRequestJson) as ExplorerRequest,
      props.initialLanguage,
      props.initialBodyText,
      props.initialOptions,
    ),
  );
  const bodySkeleton = useMemo(
    () => (props.bodySkeletonJson === null ? null : (JSON.parse(props.bodySkeletonJson) as JsonValue)),
    [props.bodySkeletonJson],
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const standardParams = useMemo(
    () => formStandardParams(api.standardParameters, method.parameters),
    [api.standardParameters, method.parameters],
  );

  // Validation, the HTTP preview, the code and Execute all take ONE prepared request, made from the current state
  // in the same render (keystroke → code is one React commit plus one Monaco frame; no deferred value: it would
  // render the whole workbench twice). Its body is the editor's text: a body that does not parse makes it invalid
  // everywhere, never the last valid body.
  const prepared = useMemo(
    () => prepareRequest(api, method, state.request, state.bodyText),
    [api, method, state.request, state.bodyText],
  );
  const selectionGraphs = useSelectionGraphs(api, method, standardParams, state.request);
  // fields and field masks are checked against the method's schemas here (they load lazily): their issues block
  // Execute like any other.
  const selectionFlags = useMemo(
    () => selectionIssues(method, [...method.parameters, ...standardParams], state.request, selectionGraphs),
    [method, state.request, standardParams, selectionGraphs],
  );
  const issues = useMemo(() => [...prepared.issues, ...selectionFlags], [prepared.issues, selectionFlags]);
  // The code carries the selection as typed: what is wrong with it, or not checked yet, is said beside the code.
  const codeNotes = useMemo(() => selectionFlags.map((i) => i.message), [selectionFlags]);
  const issuesByParam = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const i of issues) map.set(i.param, [...(map.get(i.param) ?? []), i.message]);
    return map;
  }, [issues]);
  const preview = useMemo(
    () =>
      prepared.state === "ready"
        ? { ok: true as const, spec: prepared.http }
        : { ok: false as const, message: prepared.reason },
    [prepared],
  );

  // ---- URL: always the full state (replaceState, debounced; no router navigation). The untouched form is the
  // bare method path.
  // A state too long for any link (stateLink) is kept in this tab's sessionStorage and the URL names it.
  const pristine = useMemo(() => initialState(model, defaultRequest(api, method)), [model, api, method]);
  // The history entry also holds the whole state (lib/workbench/history-entry.ts): Back and Forward restore it.
  const link = useMemo(() => stateLink(state, pristine), [state, pristine]);
  const tabId = useRef<string | null>(props.tabStateId ?? null);
  /** False when sessionStorage refused the too-long state: a reload would lose it. */
  const [tabSaved, setTabSaved] = useState(true);
  const latestLink = useRef<{ link: StateLink; state: WorkbenchState } | null>(null);
  const currentState = useRef(state);
  useLayoutEffect(() => {
    currentState.current = state;
  });
  const writeLink = useCallback((l: StateLink, s: WorkbenchState) => {
    if (l.fits) return writeEntry(l.href, s);
    tabId.current ??= newTabStateId();
    const storage = safeSessionStorage();
    setTabSaved(storage !== null && saveTabState(storage, tabId.current, l.query));
    writeEntry(tabStateHref(l.path, tabId.current), s);
  }, []);
  useEffect(() => {
    latestLink.current = { link, state };
    const t = window.setTimeout(() => writeLink(link, state), URL_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [link, state, writeLink]);
  // Leaving the page within the debounce (a link — its click comes before the router's navigation —, the
  // search palette, then Back) keeps the last edit in this history entry. (A reload takes its URL before these
  // events, so it may still miss an edit made in the last 200 ms.)
  useEffect(() => {
    const flush = () => {
      const latest = latestLink.current;
      if (latest !== null) writeLink(latest.link, latest.state);
    };
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", flush);
    document.addEventListener("click", flush, true);
    document.addEventListener("keydown", flush, true);
    return () => {
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("beforeunload", flush);
      document.removeEventListener("click", flush, true);
      document.removeEventListener("keydown", flush, true);
    };
  }, [writeLink]);

  // ---- What the user typed into the server-rendered form before it hydrated becomes the request (right after
  // hydration, while the fields still show it).
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (root.current !== null) void adoptEarlyInput(root.current);
  }, []);

  // ---- History: one entry per editing session, updated as the request changes.
  const hydrated = useSyncExternalStore(noSubscription, isClient, isServer);
  const historyText = useSyncExternalStore(subscribeHistory, historySnapshot, () => null);
  const history = useMemo(
    () => (historyText === null ? null : toHistoryItems(parseHistory(historyText))),
    [historyText],
  );
  const sessionId = useRef<string | null>(null);
  const defaultShare = useMemo(
    () => encodeShareState(cleanForHistory(defaultRequest(api, method))),
    [api, method],
  );
  /** The request on screen when history was cleared: not recorded again until it changes (or is shared). */
  const clearedShare = useRef<string | null>(null);
  // Opening a link (or reloading) is not the visitor's own request: history records from their first edit, run,
  // share or restore on. `baseline` is the state the page opened with (request + language).
  const interacted = useRef(false);
  const [openedWith] = useState(() => historyKey(state));
  const baseline = useRef(openedWith);
  const record = useCallback(
    (s: WorkbenchState, force: boolean) => {
      if (!force && !interacted.current) return;
      const storage = safeStorage();
      if (storage === null) return;
      // A body that does not parse is not a request: history keeps the last one that was.
      if (bodyError(s) !== null) return;
      const share = encodeShareState(cleanForHistory(s.request));
      if (!force && (share === defaultShare || share === clearedShare.current)) return;
      clearedShare.current = null;
      // One id per editing session (page load or restore), created on its first distinct request.
      sessionId.current ??= `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      recordHistory(storage, { id: sessionId.current, request: s.request, language: s.language }, Date.now());
      window.dispatchEvent(new Event(HISTORY_EVENT));
    },
    [defaultShare],
  );
  useEffect(() => {
    if (historyKey(state) !== baseline.current) interacted.current = true;
    const t = window.setTimeout(() => record(state, false), HISTORY_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [state, record]);

  // ---- A state kept in the tab (`?tab=<id>`): read it back after hydration, with a link's checks. Not an edit.
  const tabMissing = useSyncExternalStore(
    noSubscription,
    () => props.tabStateId !== undefined && tabStateQuery(props.tabStateId) === null,
    isServer,
  );
  useEffect(() => {
    const id = props.tabStateId;
    if (id === undefined) return;
    const query = tabStateQuery(id);
    const decoded =
      query === null
        ? null
        : decodeUrlState(new URLSearchParams(query), { api: api.name, version: api.version, method });
    if (decoded?.request === undefined) {
      // Another tab's (or a closed tab's) state: this page starts from the empty form under a new id.
      tabId.current = null;
      return;
    }
    const restored = initialState(
      model,
      decoded.request,
      decoded.language,
      decoded.bodyText,
      decoded.options,
    );
    baseline.current = historyKey(restored);
    dispatch({ type: "replace", state: restored });
    // Mount only: the id comes from the URL the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back/Forward: the page renders again from the router's cache of its first server render, so the form
  // starts from the entry's state instead (before paint); a popstate within the same page does the same.
  useLayoutEffect(() => {
    const restore = (historyState: unknown) => {
      const saved = entryState(historyState, model);
      const same = (a: WorkbenchState, b: WorkbenchState) =>
        JSON.stringify(withEntryState(null, a)) === JSON.stringify(withEntryState(null, b));
      if (saved === null || same(saved, currentState.current)) return;
      // Coming back is not an edit: history records from the visitor's next change on.
      baseline.current = historyKey(saved);
      dispatch({ type: "replace", state: saved });
    };
    restore(window.history.state);
    const onPop = (e: PopStateEvent) => restore(e.state);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [model]);

  // ---- Handlers (stable, so unchanged fields do not re-render).
  const onParamText = useCallback(
    (param: ParameterModel, text: string) => dispatch({ type: "paramText", param, text }),
    [],
  );
  const onParamList = useCallback(
    (param: ParameterModel, items: readonly string[]) => dispatch({ type: "paramList", param, items }),
    [],
  );
  const onTouched = useCallback(
    (name: string) => setTouched((t) => (t.has(name) ? t : new Set([...t, name]))),
    [],
  );
  const onAuth = useCallback((auth: RequestAuth) => dispatch({ type: "auth", auth }), []);
  const onBodyText = useCallback((text: string) => dispatch({ type: "bodyText", text }), []);
  const onMedia = useCallback((media: MediaSpec | null) => dispatch({ type: "media", media }), []);
  const onLanguageChange = useCallback((language: TargetId) => dispatch({ type: "language", language }), []);
  // A key clicked in the response viewer joins the `fields` selection (when this method has one).
  const fieldsParam = standardParams.find((p) => selectionTarget(method, p)?.kind === "fields");
  const fieldsText =
    fieldsParam !== undefined ? (selectionText(state.request, fieldsParam.name) ?? "") : null;
  const onPickPath = useMemo(
    () =>
      fieldsParam === undefined || fieldsText === null
        ? null
        : (path: readonly string[]) =>
            dispatch({ type: "paramText", param: fieldsParam, text: addFieldPath(fieldsText, path) }),
    [fieldsParam, fieldsText],
  );
  const onOptionsChange = useCallback(
    (options: SnippetOptions) => dispatch({ type: "options", options }),
    [],
  );

  const onRestore = useCallback(
    (item: HistoryItem) => {
      // A new session: edits after a restore add a new entry and leave the restored one as it was.
      sessionId.current = null;
      interacted.current = true;
      dispatch({ type: "replace", state: initialState(model, item.request, item.entry.language) });
    },
    [model],
  );
  const onClear = useCallback(() => {
    const storage = safeStorage();
    if (storage !== null) clearHistory(storage);
    sessionId.current = null;
    // A record still pending from the last edit must not bring the cleared entry straight back.
    clearedShare.current = encodeShareState(cleanForHistory(state.request));
    window.dispatchEvent(new Event(HISTORY_EVENT));
  }, [state.request]);

  const currentShare = useMemo(() => encodeShareState(cleanForHistory(state.request)), [state.request]);
  const shareUrl = useCallback(
    () => (link.fits ? new URL(link.href, window.location.origin).toString() : null),
    [link],
  );
  const requestJson = useCallback(
    () => JSON.stringify(cleanForHistory(state.request), null, 2) + "\n",
    [state.request],
  );
  const onRun = useCallback(() => {
    interacted.current = true;
    record(state, false);
  }, [record, state]);
  const onShare = useCallback(() => {
    setTouched(new Set(method.parameters.filter((p) => p.required).map((p) => p.name)));
    record(state, true);
  }, [method.parameters, record, state]);

  const requestIssues = issues.filter((i) => i.code !== "required" || touched.has(i.param));
  const issueMessages = useMemo(() => issues.map((i) => i.message), [issues]);

  return (
    <div className="workbench" ref={root} data-hydrated={hydrated || undefined}>
      <section id="request-form-slot" className="wb-form" aria-labelledby="try-title">
        <h2 id="try-title" elementtiming="request-form">
          Try it
        </h2>
        {props.linkError ? (
          <p className="wb-warning" role="alert">
            {props.linkError} The form starts empty.
          </p>
        ) : null}
        {props.revisionNote ? <p className="muted small">{props.revisionNote}</p> : null}
        {props.downloadToDropped ? (
          <p className="wb-warning" role="alert">
            {DOWNLOAD_TO_DROPPED_NOTICE}
          </p>
        ) : null}
        {props.mediaDropped ? (
          <p className="wb-warning" role="alert">
            {MEDIA_DROPPED_NOTICE}
          </p>
        ) : null}
        {tabMissing ? (
          <p className="wb-warning" role="alert">
            This link points to a request that was kept in another browser tab (it was too long for a link),
            so it cannot be opened here. The form starts empty.
          </p>
        ) : null}
        <RequestForm
          api={api}
          method={method}
          standardParams={standardParams}
          request={state.request}
          docs={props.docs}
          scopes={props.scopes}
          suggestedScopes={props.suggestedScopes}
          bodyText={state.bodyText}
          bodySchemaUrl={props.bodySchemaUrl}
          bodySkeleton={bodySkeleton}
          issuesByParam={issuesByParam}
          touched={touched}
          onParamText={onParamText}
          onParamList={onParamList}
          onTouched={onTouched}
          onAuth={onAuth}
          onBodyText={onBodyText}
          onMedia={onMedia}
        />
      </section>

      <section aria-labelledby="preview-title" className="wb-preview">
        <h2 id="preview-title">HTTP request</h2>
        {requestIssues.length > 0 ? (
          <div className="wb-issues" data-testid="request-issues">
            <p className="small">
              {requestIssues.length === 1 ? "1 problem" : `${requestIssues.length} problems`} to fix before
              this request runs:
            </p>
            <ul className="small">
              {requestIssues.map((i) => (
                <li key={`${i.param}:${i.code}:${i.message}`}>{i.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <RequestPreview
          request={preview}
          caption="The HTTP request this form sends (credentials are placeholders)"
        />
      </section>

      <section aria-labelledby="run-title" className="wb-run">
        <h2 id="run-title">Run it</h2>
        <PickPathContext.Provider value={onPickPath}>
          <TryItPanel
            api={api}
            method={method}
            request={prepared.request}
            suggestedScopes={props.suggestedScopes}
            blockingIssues={issueMessages}
            onMedia={onMedia}
            onLanguageChange={onLanguageChange}
            onRun={onRun}
          />
        </PickPathContext.Provider>
      </section>

      <section aria-labelledby="code-title" className="wb-code">
        <h2 id="code-title">Code</h2>
        <CodePanel
          api={api}
          method={method}
          request={prepared.request}
          unavailable={prepared.state === "invalid" ? prepared.reason : null}
          notes={codeNotes}
          language={state.language}
          onLanguageChange={onLanguageChange}
          options={state.options}
          onOptionsChange={onOptionsChange}
        />
        <ShareBox
          url={shareUrl}
          onShare={onShare}
          tooLong={!link.fits}
          tabSaved={tabSaved}
          requestJson={requestJson}
          jsonFileName={`${method.id}.request.json`}
          bodyLooksSensitive={method.requestSchema !== null && SENSITIVE_BODY.test(state.bodyText)}
        />
      </section>

      <HistoryPanel
        items={history}
        currentMethod={method.id}
        currentShare={currentShare}
        onRestore={onRestore}
        onClear={onClear}
      />
    </div>
  );
}

/** What history compares to tell the visitor's own edits from the state the page opened with. */
function historyKey(s: WorkbenchState): string {
  return `${s.language} ${encodeShareState(cleanForHistory(s.request))}`;
}

function writeEntry(href: string, state: WorkbenchState): void {
  // Only this page's entry: after a navigation the location is already another page's (paths compared decoded:
  // the browser may spell a method id's characters differently from encodeURIComponent).
  const decode = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  if (decode(window.location.pathname) !== decode(href.split("?")[0] ?? "")) return;
  const next = withEntryState(window.history.state, state);
  const current = (window.history.state as Record<string, unknown> | null)?.[ENTRY_KEY];
  const unchanged = JSON.stringify(current) === JSON.stringify(next[ENTRY_KEY]);
  if (unchanged && window.location.pathname + window.location.search === href) return;
  window.history.replaceState(next, "", href);
}

/**
 * The schemas `fields` and field masks are checked against, fetched once one of them has a value (a syntax error
 * is flagged before that; an unknown field as soon as the schema is there; in between the value is "unchecked",
 * which blocks Execute and is said in the code panel).
 */
function useSelectionGraphs(
  api: ApiModel,
  method: MethodModel,
  standardParams: readonly ParameterModel[],
  request: ExplorerRequest,
) {
  const sides = new Set<string>();
  for (const p of [...method.parameters, ...standardParams]) {
    const target = selectionTarget(method, p);
    if (target !== null && selectionText(request, p.name) !== null) sides.add(target.side);
  }
  const response = useSchemaGraph(
    schemaGraphPath(api.name, api.version, method.id, "response", api.revision),
    sides.has("response"),
  );
  const request_ = useSchemaGraph(
    schemaGraphPath(api.name, api.version, method.id, "request", api.revision),
    sides.has("request"),
  );
  return useMemo(
    () => ({
      ...(response.status === "ready" ? { response: response.graph } : {}),
      ...(request_.status === "ready" ? { request: request_.graph } : {}),
      failed: {
        ...(response.status === "error" ? { response: response.error } : {}),
        ...(request_.status === "error" ? { request: request_.error } : {}),
      },
    }),
    [response, request_],
  );
}
