"use client";
/**
 * Execute: runs the request the form shows from the browser (lib/execute), with the credentials held in memory
 * (credentials-provider), a confirmation for anything but GET, the picked file for uploads, and the response.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { TargetId } from "@/lib/codegen/types";
import type { ApiModel, MethodModel } from "@/lib/discovery/model-types";
import { executeFetch, type ExecutionResult } from "@/lib/execute/execute";
import { explainResult } from "@/lib/execute/explain";
import { prepareFetch, type PickedFile, type PreparedFetch } from "@/lib/execute/prepare";
import { scopeLabel } from "@/lib/auth/scopes";
import type { ExplorerRequest, MediaSpec } from "@/lib/request/types";

import { ConfirmDialog } from "./confirm-dialog";
import { CredentialInputs } from "./credential-inputs";
import { useCredentials } from "./credentials-provider";
import { ResponseViewer } from "./response-viewer";

import "./try-it.css";

interface TryItPanelProps {
  readonly api: ApiModel;
  readonly method: MethodModel;
  readonly request: ExplorerRequest;
  readonly suggestedScopes: readonly string[];
  /** Problems the form reports (messages); the request does not run until they are fixed. */
  readonly blockingIssues: readonly string[];
  readonly onMedia: (media: MediaSpec | null) => void;
  readonly onLanguageChange: (language: TargetId) => void;
  /** Called when the user sends the request (the workbench records it in history). */
  readonly onRun?: () => void;
}

interface Run {
  readonly result: ExecutionResult;
  /** What the credentials were when it ran (for the explanation). */
  readonly authType: ExplorerRequest["auth"]["type"];
  readonly grantedScopes: readonly string[] | null;
}

export function TryItPanel(props: TryItPanelProps) {
  const { api, method, request } = props;
  const creds = useCredentials();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [confirming, setConfirming] = useState<PreparedFetch | null>(null);
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(t);
  }, []);
  useEffect(() => () => abort.current?.abort(), []);

  const pasted = creds.pastedToken.trim();
  const session = creds.session !== null && creds.session.expiresAt > now ? creds.session : null;
  const accessToken = pasted !== "" ? pasted : session?.accessToken;
  const grantedScopes = pasted !== "" ? null : (session?.scopes ?? null);
  const prepared = useMemo(
    () =>
      prepareFetch(
        api,
        method,
        request,
        { ...(accessToken ? { accessToken } : {}), ...(creds.apiKey ? { apiKey: creds.apiKey } : {}) },
        file,
      ),
    [api, method, request, accessToken, creds.apiKey, file],
  );

  const { onRun } = props;
  const send = useCallback(
    async (p: PreparedFetch) => {
      onRun?.();
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      setRunning(true);
      const result = await executeFetch(p, {
        fetch: window.fetch.bind(window),
        now: () => performance.now(),
        signal: ctrl.signal,
      });
      if (ctrl.signal.aborted) return;
      setRun({ result, authType: request.auth.type, grantedScopes });
      setRunning(false);
    },
    [request.auth.type, grantedScopes, onRun],
  );

  const onExecute = () => {
    if (!prepared.ok || props.blockingIssues.length > 0) return;
    if (prepared.prepared.changesData) setConfirming(prepared.prepared);
    else void send(prepared.prepared);
  };

  const onPick = async (f: File | undefined) => {
    if (f === undefined) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    setFile({ name: f.name, type: f.type, bytes });
    props.onMedia({
      fileName: f.name,
      ...(f.type
        ? { mimeType: f.type }
        : request.media?.mimeType
          ? { mimeType: request.media.mimeType }
          : {}),
    });
  };

  const explanation = useMemo(
    () =>
      run === null
        ? null
        : explainResult(run.result, {
            authType: run.authType,
            methodScopes: method.scopes,
            grantedScopes: run.grantedScopes,
            suggestedScopes: props.suggestedScopes,
          }),
    [run, method.scopes, props.suggestedScopes],
  );

  const issues = props.blockingIssues;
  const blockedBy =
    issues.length > 0
      ? `Fix first: ${issues.slice(0, 3).join(" ")}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ""}`
      : !prepared.ok
        ? prepared.message
        : null;

  return (
    <div className="ti-panel">
      <CredentialInputs auth={request.auth} now={now} />
      {creds.notice !== null ? (
        <p className={`ti-notice ti-notice--${creds.notice.tone}`} role="status" data-testid="auth-notice">
          {creds.notice.text}
        </p>
      ) : null}
      {method.supportsMediaUpload ? (
        <div className="ti-file">
          <label className="rf-label" htmlFor="ti-file-input">
            File to upload
          </label>
          <input id="ti-file-input" type="file" onChange={(e) => void onPick(e.target.files?.[0])} />
          {file !== null ? (
            <p className="ti-hint">
              {file.name}, {file.bytes.length.toLocaleString()} bytes — sent with uploadType=
              {request.body !== null && method.requestSchema !== null ? "multipart" : "media"}.
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="ti-row">
        <button
          type="button"
          className="button ti-execute"
          onClick={onExecute}
          disabled={running || blockedBy !== null}
          aria-describedby={blockedBy !== null ? "ti-blocked" : undefined}
        >
          {running ? "Running…" : `Execute ${method.httpMethod}`}
        </button>
        {running ? (
          <button
            type="button"
            className="rf-small-button"
            onClick={() => {
              abort.current?.abort();
              setRunning(false);
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
      {blockedBy !== null ? (
        <p id="ti-blocked" className="ti-hint" data-testid="execute-blocked">
          {blockedBy}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        httpMethod={method.httpMethod}
        methodId={method.id}
        url={confirming?.url ?? ""}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const p = confirming;
          setConfirming(null);
          if (p !== null) void send(p);
        }}
      />
      {run !== null && explanation !== null ? (
        <ResponseViewer
          result={run.result}
          explanation={explanation}
          fileStem={method.id}
          actions={
            explanation.actions.length > 0 ? (
              <div className="ti-row">
                {explanation.actions.includes("sign-in") && creds.availability.available ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      void creds.signIn(
                        request.auth.type === "oauth" ? request.auth.scopes : props.suggestedScopes,
                      )
                    }
                  >
                    Sign in again
                  </button>
                ) : null}
                {explanation.actions.includes("grant-scopes") && creds.availability.available ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => void creds.signIn(explanation.scopesToGrant)}
                  >
                    Grant {explanation.scopesToGrant.map(scopeLabel).join(", ")}
                  </button>
                ) : null}
                {explanation.actions.includes("use-curl") ? (
                  <button
                    type="button"
                    className="rf-small-button"
                    onClick={() => props.onLanguageChange("curl")}
                  >
                    Show the cURL command
                  </button>
                ) : null}
              </div>
            ) : null
          }
        />
      ) : null}
    </div>
  );
}
