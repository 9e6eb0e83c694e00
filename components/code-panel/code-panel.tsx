"use client";
/**
 * The live code panel: the request as TypeScript / Python / cURL / HTTP, regenerated on every change (memoised
 * prepareSnippetInput + generateSnippet: the same pure code the CLI's `explorer snippet` runs), shown in a
 * read-only Monaco editor (./code-editor, loaded lazily), with Copy, the options that apply to the method and
 * language, and "Download project" (lib/project-download, zipped with fflate in the browser).
 * Codegen errors are shown as a message, never thrown.
 */
import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";

import { CodeEditor, type CodeEditorInstance } from "@/components/code-editor/code-editor";
import { prepareSnippetInput } from "@/lib/codegen/prepare";
import { generateSnippet, TARGETS } from "@/lib/codegen/registry";
import {
  DEFAULT_DOWNLOAD_FILE,
  requestAsksForMedia,
  resolveSnippetOptions,
} from "@/lib/codegen/request-options";
import { TARGET_IDS, type SnippetInput, type SnippetOptions, type TargetId } from "@/lib/codegen/types";
import type { ApiModel, MethodModel } from "@/lib/discovery/model-types";
import { authKind } from "@/lib/request/auth-kinds";
import type { ExplorerRequest } from "@/lib/request/types";
import { languageToRestore, rememberLanguage } from "@/lib/ui/remembered-language";
import { bareFileName } from "@/lib/workbench/bare-file-name";

import "./code-panel.css";
import { MIGRATE_PATH } from "@/lib/routes";

export interface CodePanelProps {
  /** The sliced ApiModel (sliceApiForMethod: this method only, `schemas: {}`). */
  readonly api: ApiModel;
  readonly method: MethodModel;
  readonly request: ExplorerRequest;
  /**
   * Why the form's state is no request at all (a body that does not parse), or null. Every tab and the download
   * then say so instead of showing code for something else.
   */
  readonly unavailable?: string | null;
  /**
   * What the code carries that is wrong or not checked yet (a `fields` value still being checked against the
   * response schema, an unknown field in a mask): said above the code, so a copied snippet is never unflagged.
   */
  readonly notes?: readonly string[];
  readonly language: TargetId;
  readonly onLanguageChange: (language: TargetId) => void;
  readonly options: SnippetOptions;
  readonly onOptionsChange: (options: SnippetOptions) => void;
}

export const TAB_LABELS: Readonly<Record<TargetId, string>> = Object.fromEntries(
  TARGET_IDS.map((t) => [t, TARGETS[t].tabLabel]),
) as Record<TargetId, string>;

const COPIED_MS = 2000;
const NO_NOTES: readonly string[] = [];

type Prepared = { ok: true; input: SnippetInput } | { ok: false; message: string };
type Generated = { ok: true; code: string } | { ok: false; message: string };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Which options apply to this method, request and language. */
export function applicableOptions(method: MethodModel, request: ExplorerRequest, language: TargetId) {
  const can = TARGETS[language].capabilities;
  return {
    allPages: method.pageable && can.allPages,
    downloadTo: method.supportsMediaDownload && can.download,
    tokenCache: authKind(request.auth.type).tokenCache && can.tokenCache,
  };
}

/** The options the generator sees: only those that apply (stale ones from another language are dropped). */
function effectiveOptions(
  options: SnippetOptions,
  applies: ReturnType<typeof applicableOptions>,
): SnippetOptions {
  return {
    ...(applies.allPages && options.allPages ? { allPages: true } : {}),
    ...(applies.tokenCache && options.tokenCache ? { tokenCache: true } : {}),
    ...(applies.downloadTo && options.downloadTo !== undefined ? { downloadTo: options.downloadTo } : {}),
  };
}

function saveBlob(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function CodePanel({
  api,
  method,
  request,
  unavailable = null,
  notes = NO_NOTES,
  language,
  onLanguageChange,
  options,
  onOptionsChange,
}: CodePanelProps) {
  const id = useId();
  const panelId = `${id}-panel`;
  const tabId = (t: TargetId) => `${id}-tab-${t}`;

  // The tab the user picked last time (on any method) comes back, unless the link names one (`?lang=`).
  useEffect(() => {
    const remembered = languageToRestore(window.location.search, localStorageOrNull());
    if (remembered !== undefined && remembered !== language) onLanguageChange(remembered);
    // Once, when the panel opens: later changes are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const pickLanguage = (t: TargetId) => {
    rememberLanguage(localStorageOrNull(), t);
    onLanguageChange(t);
  };

  const prepared = useMemo<Prepared>(() => {
    if (unavailable !== null) return { ok: false, message: unavailable };
    try {
      return { ok: true, input: prepareSnippetInput({ api, method, request }) };
    } catch (err) {
      return { ok: false, message: messageOf(err) };
    }
  }, [api, method, request, unavailable]);

  const applies = useMemo(() => applicableOptions(method, request, language), [method, request, language]);
  // What the code is generated with, as the checkboxes show it: alt=media in the request is a download.
  const genOptions = useMemo(() => {
    const chosen = effectiveOptions(options, applies);
    return prepared.ok && applies.downloadTo ? resolveSnippetOptions(prepared.input, chosen) : chosen;
  }, [options, applies, prepared]);
  const downloadForced = prepared.ok && applies.downloadTo && requestAsksForMedia(prepared.input);

  const generated = useMemo<Generated>(() => {
    if (!prepared.ok) return prepared;
    try {
      return { ok: true, code: generateSnippet(language, prepared.input, genOptions) };
    } catch (err) {
      return { ok: false, message: messageOf(err) };
    }
  }, [prepared, language, genOptions]);
  // "package.json, " / "requirements.txt, " / "": the manifests the target's project adds.
  const manifestNames = prepared.ok
    ? TARGETS[language].project
        .manifest("", prepared.input)
        .map((f) => `${f.path}, `)
        .join("")
    : "";

  /* ---- copy ---- */
  const editor = useRef<CodeEditorInstance | null>(null);
  const onReady = useCallback((e: CodeEditorInstance | null) => {
    editor.current = e;
  }, []);
  const codeBox = useRef<HTMLDivElement>(null);
  // `at` restarts the feedback timer on every click, even when the state stays "copied".
  const [copy, setCopy] = useState<{ state: "idle" | "copied" | "manual"; at: number }>({
    state: "idle",
    at: 0,
  });
  const copyState = copy.state;
  const setCopyState = (state: "copied" | "manual") => setCopy((c) => ({ state, at: c.at + 1 }));
  useEffect(() => {
    if (copy.state === "idle") return;
    const t = setTimeout(
      () => setCopy((c) => ({ ...c, state: "idle" })),
      copy.state === "copied" ? COPIED_MS : 6000,
    );
    return () => clearTimeout(t);
  }, [copy]);

  const selectAll = () => {
    if (editor.current) return editor.current.selectAll();
    const pre = codeBox.current?.querySelector("pre");
    const sel = window.getSelection();
    if (pre && sel) {
      const range = document.createRange();
      range.selectNodeContents(pre);
      sel.removeAllRanges();
      sel.addRange(range);
    }
  };

  const onCopy = async () => {
    if (!generated.ok) return;
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(generated.code);
      setCopyState("copied");
    } catch {
      selectAll();
      setCopyState("manual");
    }
  };

  /* ---- download project ---- */
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const onDownload = async () => {
    if (!prepared.ok || !generated.ok) return;
    try {
      // Loaded on demand: the zip code is not part of the page's first load.
      const [{ buildProject }, { zipProject }] = await Promise.all([
        import("@/lib/project-download/project"),
        import("@/lib/project-download/zip"),
      ]);
      const project = buildProject({
        target: language,
        snippet: generated.code,
        input: prepared.input,
        options: genOptions,
      });
      saveBlob(zipProject(project), `${project.name}.zip`);
      setDownloadError(null);
    } catch (err) {
      setDownloadError(messageOf(err));
    }
  };

  /* ---- tabs ---- */
  const onTabKey = (e: React.KeyboardEvent) => {
    const i = TARGET_IDS.indexOf(language);
    let next: TargetId | undefined;
    if (e.key === "ArrowRight") next = TARGET_IDS[(i + 1) % TARGET_IDS.length];
    else if (e.key === "ArrowLeft") next = TARGET_IDS[(i - 1 + TARGET_IDS.length) % TARGET_IDS.length];
    else if (e.key === "Home") next = TARGET_IDS[0];
    else if (e.key === "End") next = TARGET_IDS[TARGET_IDS.length - 1];
    if (next === undefined) return;
    e.preventDefault();
    pickLanguage(next);
    document.getElementById(tabId(next))?.focus();
  };

  const set = (patch: Partial<Record<keyof SnippetOptions, unknown>>) => {
    const next: Record<string, unknown> = { ...options, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onOptionsChange(next as SnippetOptions);
  };

  const target = TARGETS[language];
  const missing = prepared.ok ? (prepared.input.http.missingPathParams ?? []) : [];
  const anyOption = applies.allPages || applies.downloadTo || applies.tokenCache;

  return (
    <div className="code-panel" data-testid="code-panel">
      <div className="code-panel__bar">
        <div role="tablist" aria-label="Code language" className="code-panel__tabs" onKeyDown={onTabKey}>
          {TARGET_IDS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={tabId(t)}
              aria-selected={t === language}
              aria-controls={panelId}
              tabIndex={t === language ? 0 : -1}
              className={t === language ? "code-panel__tab code-panel__tab--active" : "code-panel__tab"}
              onClick={() => pickLanguage(t)}
            >
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
        <div className="code-panel__actions">
          <button
            type="button"
            className="code-panel__button"
            onClick={() => void onCopy()}
            disabled={!generated.ok}
            aria-describedby={`${id}-copy-status`}
          >
            {copyState === "copied" ? "Copied" : "Copy"}
          </button>
          <button
            type="button"
            className="code-panel__button"
            onClick={() => void onDownload()}
            disabled={!generated.ok}
            aria-describedby={generated.ok ? undefined : `${id}-no-code`}
            title={
              generated.ok
                ? `A runnable ${TAB_LABELS[language]} project: the snippet, ${manifestNames}and a README`
                : `No project: ${generated.message}`
            }
          >
            Download project
          </button>
        </div>
      </div>
      <p id={`${id}-copy-status`} className="code-panel__status small" role="status" aria-live="polite">
        {copyState === "copied"
          ? "Copied to the clipboard."
          : copyState === "manual"
            ? "Copying is blocked here: the code is selected, press Ctrl+C (⌘C) to copy it."
            : ""}
      </p>
      <p className="code-panel__hint small">
        <Link href={MIGRATE_PATH}>Have old code?</Link> Code with <code>run_console()</code>, the out-of-band
        sign-in or oauth2client can be fixed on the migration page.
      </p>

      {anyOption ? (
        <fieldset className="code-panel__options">
          <legend className="visually-hidden">Snippet options</legend>
          {applies.allPages ? (
            <label>
              <input
                type="checkbox"
                checked={options.allPages === true}
                onChange={(e) => set({ allPages: e.target.checked || undefined })}
              />{" "}
              All pages
            </label>
          ) : null}
          {applies.downloadTo ? (
            <span className="code-panel__download">
              <label>
                <input
                  type="checkbox"
                  checked={genOptions.downloadTo !== undefined}
                  disabled={downloadForced}
                  onChange={(e) => set({ downloadTo: e.target.checked ? DEFAULT_DOWNLOAD_FILE : undefined })}
                />{" "}
                Download to file{downloadForced ? " (the request sets alt=media)" : ""}
              </label>
              {genOptions.downloadTo !== undefined ? (
                <input
                  type="text"
                  className="code-panel__file"
                  aria-label="File to save the download to"
                  value={genOptions.downloadTo}
                  spellCheck={false}
                  onChange={(e) => set({ downloadTo: e.target.value })}
                />
              ) : null}
              {options.downloadTo && bareFileName(options.downloadTo) === null ? (
                <span className="muted small" data-testid="download-to-not-bare">
                  Not a bare file name: a share link (or a reload) leaves it out.
                </span>
              ) : null}
            </span>
          ) : null}
          {applies.tokenCache ? (
            <label>
              <input
                type="checkbox"
                checked={options.tokenCache === true}
                onChange={(e) => set({ tokenCache: e.target.checked || undefined })}
              />{" "}
              Cache token (<code>token.json</code>)
            </label>
          ) : null}
        </fieldset>
      ) : null}

      {notes.length > 0 ? (
        <ul className="code-panel__hint code-panel__notes small" data-testid="code-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {missing.length > 0 ? (
        <p className="code-panel__hint small">
          Fill in {missing.length === 1 ? "the required path parameter" : "the required path parameters"}{" "}
          {missing.map((m, i) => (
            <span key={m}>
              {i > 0 ? ", " : ""}
              <code>{m}</code>
            </span>
          ))}{" "}
          to run this code.
        </p>
      ) : null}

      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={tabId(language)}
        className="code-panel__code"
        ref={codeBox}
        data-testid="code-panel-code"
      >
        {generated.ok ? (
          <CodeEditor
            value={generated.code}
            language={target.language}
            readOnly
            modelPath={`code/${method.id}.${target.extension}`}
            height={440}
            ariaLabel={`${TAB_LABELS[language]} code for ${method.id}`}
            onReady={onReady}
          />
        ) : (
          <p id={`${id}-no-code`} className="code-panel__error" role="alert" data-testid="code-unavailable">
            No {TAB_LABELS[language]} code for this request: {generated.message}
          </p>
        )}
      </div>
      {downloadError !== null ? (
        <p className="code-panel__error" role="alert">
          The project could not be built: {downloadError}
        </p>
      ) : null}
    </div>
  );
}
