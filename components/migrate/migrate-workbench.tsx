"use client";
/**
 * The migration assistant's page body: paste or drop a Python/JavaScript/TypeScript file, see each finding (line,
 * column, what is wrong, why — with the guide's link — and what to do by hand when it is not rewritten), and the
 * rewritten file side by side with the original, with Copy and Download. All of it runs in the browser
 * (lib/migrate is pure): the code never leaves the page.
 */
import { useDeferredValue, useId, useMemo, useState, type DragEvent } from "react";

import { CodeDiffEditor } from "@/components/code-editor/code-diff-editor";
import { languageOfFileName, migrate } from "@/lib/migrate/migrate";
import type { MigrateLanguage } from "@/lib/migrate/types";

import { FindingList } from "./finding-list";
import "./migrate.css";

/** Larger files are refused with a message rather than freezing the tab. */
const MAX_BYTES = 512 * 1024;

const LANGUAGES: readonly { id: MigrateLanguage; label: string; ext: string }[] = [
  { id: "python", label: "Python", ext: "py" },
  { id: "javascript", label: "JavaScript", ext: "js" },
  { id: "typescript", label: "TypeScript", ext: "ts" },
];

/** Monaco has TypeScript's tokenizer bundled; it highlights JavaScript too. */
function monacoLanguage(l: MigrateLanguage): string {
  return l === "python" ? "python" : "typescript";
}

type CopyState = "idle" | "copied" | "blocked";

export function MigrateWorkbench() {
  const id = useId();
  const [source, setSource] = useState("");
  const [language, setLanguage] = useState<MigrateLanguage>("python");
  const [fileName, setFileName] = useState<string | null>(null);
  const [headless, setHeadless] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  // Large files take a moment to analyse: typing stays responsive and the result follows.
  const analysed = useDeferredValue(source);
  const result = useMemo(() => migrate(analysed, { language, headless }), [analysed, language, headless]);
  const changed = result.output !== analysed;

  async function openFile(file: File): Promise<void> {
    setCopy("idle");
    if (file.size > MAX_BYTES) {
      setError(
        `${file.name} is ${Math.round(file.size / 1024)} KB; files up to ${MAX_BYTES / 1024} KB are accepted.`,
      );
      return;
    }
    const lang = languageOfFileName(file.name);
    if (!lang) {
      setError(`${file.name}: only .py, .js/.cjs/.mjs and .ts/.mts files can be migrated.`);
      return;
    }
    setError(null);
    setFileName(file.name);
    setLanguage(lang);
    setSource(await file.text());
  }

  function onDrop(e: DragEvent<HTMLElement>): void {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void openFile(file);
  }

  async function onCopy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(result.output);
      setCopy("copied");
    } catch {
      setCopy("blocked");
    }
  }

  function onDownload(): void {
    const ext = LANGUAGES.find((l) => l.id === language)?.ext ?? "txt";
    const name = fileName ?? `migrated.${ext}`;
    const url = URL.createObjectURL(new Blob([result.output], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <div className="migrate">
      <section
        className="migrate__input"
        aria-labelledby={`${id}-input`}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        <h2 id={`${id}-input`}>Your code</h2>
        <div className="migrate__controls">
          <label>
            Language{" "}
            <select value={language} onChange={(e) => setLanguage(e.target.value as MigrateLanguage)}>
              {LANGUAGES.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={headless} onChange={(e) => setHeadless(e.target.checked)} /> No
            browser on the machine that runs it (headless sign-in)
          </label>
          <label className="migrate__file">
            Open a file{" "}
            <input
              type="file"
              accept=".py,.js,.cjs,.mjs,.jsx,.ts,.mts,.cts,.tsx"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void openFile(f);
              }}
            />
          </label>
        </div>
        <textarea
          className="migrate__source"
          aria-label="Your code (paste it here, or drop a file)"
          placeholder="Paste a Python, JavaScript or TypeScript file here, or drop one on this box."
          spellCheck={false}
          value={source}
          onChange={(e) => {
            setCopy("idle");
            setSource(e.target.value);
          }}
        />
        {error || result.error ? (
          <p className="migrate__error" role="alert">
            {error ?? result.error}
          </p>
        ) : null}
      </section>

      {source.trim() === "" ? null : (
        <>
          <section aria-labelledby={`${id}-findings`}>
            <h2 id={`${id}-findings`}>
              {result.findings.length === 0
                ? "Nothing to fix"
                : `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}`}
            </h2>
            {result.findings.length === 0 ? (
              <p>This code already uses current sign-in flows and libraries: it comes out unchanged.</p>
            ) : (
              <FindingList findings={result.findings} />
            )}
          </section>

          <section aria-labelledby={`${id}-diff`}>
            <div className="migrate__bar">
              <h2 id={`${id}-diff`}>{changed ? "Rewritten file (original on the left)" : "Your file"}</h2>
              <div className="migrate__actions">
                <button type="button" className="migrate__button" onClick={() => void onCopy()}>
                  {copy === "copied" ? "Copied" : "Copy"}
                </button>
                <button type="button" className="migrate__button" onClick={onDownload}>
                  Download
                </button>
              </div>
            </div>
            <p className="migrate__status small" role="status" aria-live="polite">
              {copy === "copied"
                ? "Copied the rewritten file to the clipboard."
                : copy === "blocked"
                  ? "Copying is blocked here: use Download instead."
                  : ""}
            </p>
            <CodeDiffEditor
              original={analysed}
              modified={result.output}
              language={monacoLanguage(language)}
              ariaLabel="Your file"
            />
          </section>
        </>
      )}
    </div>
  );
}
