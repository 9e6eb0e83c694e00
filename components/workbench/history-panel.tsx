import type { HistoryItem } from "@/lib/workbench/history";
import { summarizeParams } from "@/lib/workbench/history";
import { stateHref } from "@/lib/workbench/url-state";
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

function when(ms: number): string {
  const d = new Date(ms);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : d.toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

/** Recent requests (this browser only). Same-method entries restore in place; others open their method page. */
export function HistoryPanel({ items, currentMethod, currentShare, onRestore, onClear }: HistoryPanelProps) {
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
          {items.map((item) => {
            const r = item.request;
            const summary = summarizeParams(r) || "no parameters";
            const current = item.entry.share === currentShare;
            const content = (
              <>
                <span className="wb-history__method">{r.method}</span>
                <span className="wb-history__summary">{summary}</span>
                <span className="wb-history__when">
                  {current ? "current · " : ""}
                  {when(item.entry.savedAt)}
                </span>
              </>
            );
            return (
              <li key={item.entry.id}>
                {r.method === currentMethod ? (
                  <button type="button" className="wb-history__item" onClick={() => onRestore(item)}>
                    {content}
                  </button>
                ) : (
                  <a
                    className="wb-history__item"
                    href={stateHref({
                      request: r,
                      bodyText: bodyTextFor(r.body),
                      language: item.entry.language,
                      options: {},
                    })}
                  >
                    {content}
                  </a>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
