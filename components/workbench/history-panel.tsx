import { memo, type MouseEvent } from "react";

import type { HistoryItem } from "@/lib/workbench/history";
import { summarizeParams } from "@/lib/workbench/history";
import { newTabStateId, saveTabState } from "@/lib/workbench/tab-state";
import { stateLink, tabStateHref, type StateLink } from "@/lib/workbench/url-state";
import { bodyTextFor } from "@/lib/workbench/state";

interface HistoryPanelProps {
  /** null until read from storage (after hydration). */
  readonly items: readonly HistoryItem[] | null;
  readonly currentMethod: string;
  /** Share string of the current (cleaned) request: its entry is marked "current". */
  readonly currentShare: string;
  readonly onRestore: (item: HistoryItem) => void;
  readonly onClear: () => void;
}

// One formatter each, made once: `toLocaleTimeString` builds a new Intl formatter per call, which made every
// keystroke in the form re-format every history entry.
let timeFormat: Intl.DateTimeFormat | null = null;
let dayFormat: Intl.DateTimeFormat | null = null;

function when(ms: number): string {
  const d = new Date(ms);
  const sameDay = d.toDateString() === new Date().toDateString();
  if (sameDay)
    return (timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" })).format(
      d,
    );
  return (dayFormat ??= new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" })).format(d);
}

/**
 * A state too long for a link opens through this tab's storage: the click stores it and points the link at
 * `?tab=<id>` just before the browser follows it (the plain method path when storage is off).
 */
function openThroughTab(link: Extract<StateLink, { fits: false }>, e: MouseEvent<HTMLAnchorElement>): void {
  try {
    const id = newTabStateId();
    if (saveTabState(window.sessionStorage, id, link.query))
      e.currentTarget.href = tabStateHref(link.path, id);
  } catch {
    // Storage off: the method page opens with its default form.
  }
}

interface HistoryRowProps {
  readonly item: HistoryItem;
  readonly current: boolean;
  readonly sameMethod: boolean;
  readonly onRestore: (item: HistoryItem) => void;
}

/** One entry; memoised, so typing in the form re-renders only the row whose "current" mark changes. */
const HistoryRow = memo(function HistoryRow({ item, current, sameMethod, onRestore }: HistoryRowProps) {
  const r = item.request;
  const link = sameMethod
    ? null
    : stateLink({ request: r, bodyText: bodyTextFor(r.body), language: item.entry.language, options: {} });
  const content = (
    <>
      <span className="wb-history__method">{r.method}</span>
      <span className="wb-history__summary">{summarizeParams(r) || "no parameters"}</span>
      <span className="wb-history__when">
        {current ? "current · " : ""}
        {when(item.entry.savedAt)}
      </span>
    </>
  );
  return (
    <li>
      {link === null ? (
        <button type="button" className="wb-history__item" onClick={() => onRestore(item)}>
          {content}
        </button>
      ) : (
        <a
          className="wb-history__item"
          href={link.fits ? link.href : link.path}
          {...(link.fits ? {} : { onClick: (e: MouseEvent<HTMLAnchorElement>) => openThroughTab(link, e) })}
        >
          {content}
        </a>
      )}
    </li>
  );
});

/** Recent requests (this browser only). Same-method entries restore in place; others open their method page. */
export const HistoryPanel = memo(function HistoryPanel({
  items,
  currentMethod,
  currentShare,
  onRestore,
  onClear,
}: HistoryPanelProps) {
  return (
    <section className="wb-history" aria-labelledby="history-title">
      <div className="wb-history__head">
        <h2 id="history-title">History</h2>
        {items !== null && items.length > 0 ? (
          <button type="button" className="rf-small-button" onClick={onClear}>
            Clear history
          </button>
        ) : null}
      </div>
      {items === null ? null : items.length === 0 ? (
        <p className="muted small">
          Requests you compose are kept here, in this browser only (no keys or tokens).
        </p>
      ) : (
        <ol className="wb-history__list" data-testid="history-list">
          {items.map((item) => (
            <HistoryRow
              key={item.entry.id}
              item={item}
              current={item.entry.share === currentShare}
              sameMethod={item.request.method === currentMethod}
              onRestore={onRestore}
            />
          ))}
        </ol>
      )}
    </section>
  );
});
