"use client";

import { useRouter } from "next/navigation";
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";

import { readJsonResponse } from "@/lib/http/read-json";
import { SEARCH_INDEX_PATH } from "@/lib/routes";
import { isSearchIndex } from "@/lib/search/build";
import { warmSearchCache, type SearchHit } from "@/lib/search/query";
import { prepareSearch, search, type PreparedSearch } from "@/lib/search/search";

const LIMIT = 50;

/**
 * Precomputes the one-character queries (lib/search/query `warmSearchCache`) in idle time, one query per slice, so
 * the first keystroke of every search — the costliest query, matching thousands of methods — answers from memory.
 */
function warmInIdle(index: PreparedSearch): void {
  if (typeof window.requestIdleCallback !== "function") return;
  const step = (deadline: IdleDeadline) => {
    while (deadline.timeRemaining() > 8) if (!warmSearchCache(index.lexical, LIMIT)) return;
    window.requestIdleCallback(step);
  };
  window.requestIdleCallback(step);
}

/** The index, fetched and prepared once per page session (shared by every mount; reset after a failure). */
let indexPromise: Promise<PreparedSearch> | null = null;

function loadIndex(): Promise<PreparedSearch> {
  indexPromise ??= fetch(SEARCH_INDEX_PATH, { headers: { accept: "application/json" } })
    .then(async (res) => {
      const json = await readJsonResponse(res, "The search index");
      if (!isSearchIndex(json)) throw new Error("The search index has an unexpected format.");
      const prepared = prepareSearch(json);
      warmInIdle(prepared);
      return prepared;
    })
    .catch((err: unknown) => {
      indexPromise = null;
      throw err;
    });
  return indexPromise;
}

/** Typing targets where `/` must stay a character (inputs, editors, contenteditable). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.closest(".monaco-editor") !== null
  );
}

type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "loading" }
  | { readonly kind: "ready"; readonly index: PreparedSearch }
  | { readonly kind: "error"; readonly message: string };

function HitRow({ hit }: { readonly hit: SearchHit }) {
  const apiLabel = `${hit.api.t.endsWith(hit.api.v) ? hit.api.t : `${hit.api.t} · ${hit.api.v}`}${hit.api.p ? " · preferred" : ""}`;
  if (hit.kind === "api")
    return (
      <>
        <span className="search-hit__kind">API</span>
        <span className="search-hit__main">
          <span className="search-hit__title">{hit.api.t}</span>
          <span className="search-hit__meta">
            <code>
              {hit.api.n} {hit.api.v}
            </code>
            {hit.api.p ? " · preferred version" : null}
          </span>
        </span>
      </>
    );
  return (
    <>
      <span className={`verb verb--${hit.verb.toLowerCase()} search-hit__verb`}>{hit.verb}</span>
      <span className="search-hit__main">
        <span className="search-hit__title">
          <code className="search-hit__id">{hit.id}</code>
          {hit.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
        </span>
        <span className="search-hit__meta">
          <code className="search-hit__path">{hit.path}</code>
          {hit.summary ? <span className="search-hit__summary"> — {hit.summary}</span> : null}
        </span>
      </span>
      <span className="search-hit__api">{apiLabel}</span>
    </>
  );
}

interface HitOptionProps {
  readonly hit: SearchHit;
  readonly index: number;
  readonly id: string;
  readonly selected: boolean;
  readonly onHover: (index: number) => void;
  readonly onPick: (index: number) => void;
}

/**
 * One result row. Memoised by what it shows (href, position, selection): each keystroke builds new hit objects, but
 * most rows of the previous list usually stay, and React then keeps their DOM as it is.
 */
const HitOption = memo(
  function HitOption({ hit, index, id, selected, onHover, onPick }: HitOptionProps) {
    return (
      <li
        id={id}
        role="option"
        aria-selected={selected}
        className="search-hit"
        data-href={hit.href}
        onMouseMove={() => onHover(index)}
        onClick={() => onPick(index)}
      >
        <HitRow hit={hit} />
      </li>
    );
  },
  (a, b) =>
    a.hit.href === b.hit.href &&
    a.index === b.index &&
    a.id === b.id &&
    a.selected === b.selected &&
    a.onHover === b.onHover &&
    a.onPick === b.onPick,
);

/**
 * The global search: a header button plus a command-palette dialog over every API and method of the current source.
 * Opens with `/` (outside text fields), Ctrl-K or Cmd-K; arrows move, Enter opens, Esc closes (focus goes back to
 * where it was). The index is fetched from /api/search-index on first use (or when the button is hovered/focused).
 */
export function SearchPalette() {
  const router = useRouter();
  const [opening, startOpening] = useTransition();
  const [openingId, setOpening] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  const ensureIndex = useCallback(() => {
    setStatus((s) => (s.kind === "ready" || s.kind === "loading" ? s : { kind: "loading" }));
    loadIndex().then(
      (index) => setStatus({ kind: "ready", index }),
      (err: unknown) =>
        setStatus({ kind: "error", message: err instanceof Error ? err.message : String(err) }),
    );
  }, []);

  const show = useCallback(() => {
    const dialog = dialogRef.current;
    if (dialog === null || dialog.open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    setOpen(true);
    ensureIndex();
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [ensureIndex]);

  const hide = useCallback(() => {
    dialogRef.current?.close();
  }, []);

  // Global shortcuts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        if (e.target instanceof HTMLElement && e.target.closest(".monaco-editor") !== null) return;
        e.preventDefault();
        if (dialogRef.current?.open) hide();
        else show();
      } else if (e.key === "/" && !mod && !e.altKey && !isTypingTarget(e.target)) {
        if (dialogRef.current?.open) return;
        e.preventDefault();
        show();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [show, hide]);

  const results = useMemo(
    () => (status.kind === "ready" ? search(status.index, query, LIMIT) : { hits: [], total: 0 }),
    [status, query],
  );
  const hits = results.hits;
  const current = Math.min(active, Math.max(0, hits.length - 1));

  // Keep the active option in view when it moves (arrows, Page Up/Down); a new query starts at the top. Both wait
  // for the next frame: scrolling reads layout, and doing that right after React changed the list would force a
  // layout on every keystroke (the browser lays out once per frame anyway).
  const listRef = useRef<HTMLUListElement>(null);
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!open) {
      scrolledFor.current = null;
      return;
    }
    const newQuery = scrolledFor.current !== query;
    scrolledFor.current = query;
    const frame = requestAnimationFrame(() => {
      const list = listRef.current;
      if (newQuery) {
        if (list !== null && list.scrollTop !== 0) list.scrollTop = 0;
      } else document.getElementById(optionId(current))?.scrollIntoView({ block: "nearest" });
    });
    return () => cancelAnimationFrame(frame);
    // optionId is derived from baseId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, open, query]);

  const go = (hit: SearchHit | undefined) => {
    if (hit === undefined) return;
    returnFocus.current = null; // the page changes: focus goes to the new page, not back to the old element
    hide();
    setOpening(hit.kind === "method" ? hit.id : hit.api.t);
    // Method pages have no loading state: the old page stays until the new one is ready. The transition says when.
    startOpening(() => router.push(hit.href));
  };
  // Stable row handlers (the rows are memoised), reading the latest hits and selection through refs.
  const latest = useRef({ hits, current, go });
  useEffect(() => {
    latest.current = { hits, current, go };
  });
  const onHover = useCallback((i: number) => {
    if (i !== latest.current.current) setActive(i);
  }, []);
  const onPick = useCallback((i: number) => latest.current.go(latest.current.hits[i]), []);

  const onInputKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = hits.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (n > 0) setActive((current + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (e.key === "PageDown" || e.key === "PageUp") {
      e.preventDefault();
      if (n > 0) setActive(Math.max(0, Math.min(n - 1, current + (e.key === "PageDown" ? 8 : -8))));
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(hits[current]);
    }
  };

  let statusText: string;
  if (status.kind === "loading" || status.kind === "idle") statusText = "Loading the search index…";
  else if (status.kind === "error") statusText = status.message;
  else if (query.trim() === "")
    statusText = `Search ${status.index.lexical.index.methods.length.toLocaleString("en")} methods in ${status.index.lexical.index.apis.length.toLocaleString("en")} API versions.`;
  else if (results.total === 0) statusText = "No APIs or methods match.";
  else
    statusText =
      results.total > hits.length
        ? `Top ${hits.length} of ${results.total.toLocaleString("en")} matches.`
        : `${results.total} ${results.total === 1 ? "match" : "matches"}.`;

  return (
    <>
      <button
        type="button"
        className="search-trigger"
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        onClick={show}
        onPointerEnter={() => void loadIndex().catch(() => undefined)}
        onFocus={() => void loadIndex().catch(() => undefined)}
      >
        <span aria-hidden="true" className="search-trigger__icon">
          ⌕
        </span>
        <span className="search-trigger__label">Search APIs and methods</span>
        <kbd className="search-trigger__kbd" aria-hidden="true">
          /
        </kbd>
        <span className={opening ? "link-hint link-hint--pending" : "link-hint"} aria-hidden="true" />
      </button>
      <span className="visually-hidden" role="status">
        {opening && openingId !== null ? `Opening ${openingId}…` : ""}
      </span>
      <dialog
        ref={dialogRef}
        className="search-dialog"
        aria-modal="true"
        aria-label="Search APIs and methods"
        onClose={() => {
          setOpen(false);
          const back = returnFocus.current;
          returnFocus.current = null;
          if (back !== null && back.isConnected) back.focus();
        }}
        onClick={(e) => {
          if (e.target === e.currentTarget) hide(); // a click on the backdrop
        }}
      >
        <div className="search-dialog__panel">
          <div className="search-dialog__bar">
            <label htmlFor={inputId} className="visually-hidden">
              Search APIs and methods
            </label>
            <input
              ref={inputRef}
              id={inputId}
              type="text"
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={hits.length > 0 ? optionId(current) : undefined}
              aria-describedby={`${baseId}-status`}
              autoComplete="off"
              spellCheck={false}
              placeholder="Search: youtube channels list, instances insert, drive files…"
              className="search-dialog__input"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onInputKey}
            />
            <kbd className="search-dialog__esc" aria-hidden="true">
              Esc
            </kbd>
          </div>
          <p id={`${baseId}-status`} className="search-dialog__status" role="status" aria-live="polite">
            {status.kind === "loading" || status.kind === "idle" ? (
              <span className="search-dialog__spinner" aria-hidden="true" />
            ) : null}
            {statusText}
            {status.kind === "error" ? (
              <>
                {" "}
                <button type="button" className="search-dialog__retry" onClick={ensureIndex}>
                  Retry
                </button>
              </>
            ) : null}
          </p>
          <ul id={listId} ref={listRef} role="listbox" aria-label="Results" className="search-dialog__list">
            {hits.map((hit, i) => (
              <HitOption
                key={hit.href}
                hit={hit}
                index={i}
                id={optionId(i)}
                selected={i === current}
                onHover={onHover}
                onPick={onPick}
              />
            ))}
          </ul>
          <p className="search-dialog__help" aria-hidden="true">
            <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
          </p>
        </div>
      </dialog>
    </>
  );
}
