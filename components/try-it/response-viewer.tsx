"use client";
/**
 * The answer: status, time, size, headers, and the body as foldable JSON / raw text / a file to download, with
 * Copy and Download. Errors come with lib/execute/explain.ts's explanation and its way out (sign in, grant the
 * scope, the cURL tab).
 */
import { useEffect, useMemo, useState } from "react";

import type { ExecutionResult } from "@/lib/execute/execute";
import { decodeBody, extensionFor, type Explanation } from "@/lib/execute/explain";

import { JsonTree } from "./json-tree";
import { formatBytes } from "@/lib/format/bytes";

const RAW_MAX = 500_000;

interface ResponseViewerProps {
  readonly result: ExecutionResult;
  readonly explanation: Explanation;
  readonly fileStem: string;
  /** Buttons for the explanation's actions (rendered by the panel, which can act on them). */
  readonly actions: React.ReactNode;
}

export function ResponseViewer({ result, explanation, fileStem, actions }: ResponseViewerProps) {
  const [view, setView] = useState<"tree" | "raw">("tree");
  const [copied, setCopied] = useState(false);
  const body = useMemo(
    () => (result.kind === "response" ? decodeBody(result.contentType, result.bytes) : null),
    [result],
  );
  const download = useMemo(() => {
    if (result.kind !== "response" || result.bytes.length === 0) return null;
    const blob = new Blob([result.bytes], { type: result.contentType || "application/octet-stream" });
    return { url: URL.createObjectURL(blob), name: `${fileStem}.${extensionFor(result.contentType)}` };
  }, [result, fileStem]);
  useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);

  const text = body?.kind === "json" || body?.kind === "text" ? body.text : null;
  const copy = async () => {
    if (text === null) return;
    await navigator.clipboard.writeText(text);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };

  return (
    <section className="ti-response" aria-label="Response" data-testid="response">
      <p className={`ti-status ti-status--${explanation.tone}`} role="status" data-testid="response-status">
        <strong>{explanation.title}</strong>
        <span className="ti-meta">
          {" "}
          · {Math.round(result.durationMs)} ms
          {result.kind === "response" ? ` · ${formatBytes(result.bytes.length)}` : ""}
        </span>
      </p>
      {explanation.detail !== "" ? (
        <p className="ti-explain" data-testid="response-explanation">
          {explanation.detail}
        </p>
      ) : null}
      {actions}
      {result.kind === "response" ? (
        <>
          <details className="ti-headers">
            <summary>Headers ({result.headers.length})</summary>
            <dl>
              {result.headers.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <p className="ti-hint">Browsers show only the headers Google exposes to web pages (CORS).</p>
          </details>
          <div className="ti-row">
            {body?.kind === "json" ? (
              <div className="ti-toggle" role="group" aria-label="Body view">
                <button type="button" aria-pressed={view === "tree"} onClick={() => setView("tree")}>
                  Tree
                </button>
                <button type="button" aria-pressed={view === "raw"} onClick={() => setView("raw")}>
                  Raw
                </button>
              </div>
            ) : null}
            {text !== null ? (
              <button type="button" className="rf-small-button" onClick={() => void copy()}>
                {copied ? "Copied" : "Copy body"}
              </button>
            ) : null}
            {download !== null ? (
              <a
                className="rf-small-button"
                href={download.url}
                download={download.name}
                data-testid="download-response"
              >
                Download {body?.kind === "binary" ? "file" : "body"}
              </a>
            ) : null}
          </div>
          {body?.kind === "json" && view === "tree" ? (
            <JsonTree value={body.value} />
          ) : text !== null ? (
            <pre className="code-block ti-raw" data-testid="response-raw" tabIndex={0}>
              {text.length > RAW_MAX
                ? `${text.slice(0, RAW_MAX)}\n… (${formatBytes(text.length)}: download for all of it)`
                : text}
            </pre>
          ) : body?.kind === "binary" ? (
            <p className="ti-hint" data-testid="response-binary">
              {formatBytes(body.size)} of {result.contentType || "binary data"}: use Download to save the
              file.
            </p>
          ) : (
            <p className="ti-hint">Empty body.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
