"use client";

import { useEffect, useId, useRef, useState } from "react";

interface FilterBoxProps {
  /** Id of the element whose `[data-filter]` descendants are filtered (their attribute holds the searchable text). */
  readonly targetId: string;
  readonly label: string;
  readonly placeholder?: string;
  /** Submitted as a GET parameter when JavaScript is off (the server then filters). */
  readonly name?: string;
  readonly defaultValue?: string;
  /** What the count refers to, e.g. "APIs". */
  readonly noun: string;
}

/** Case-insensitive: every whitespace-separated token must occur in the text. */
function matches(text: string, tokens: readonly string[]): boolean {
  return tokens.every((t) => text.includes(t));
}

/**
 * Live filter over a server-rendered list. It receives no data: it hides and shows the elements the server already
 * rendered, so a long list is never sent twice. `[data-filter-group]` elements are hidden when none of their items
 * match, and `<details>` inside the target are opened while a query is active.
 */
export function FilterBox({ targetId, label, placeholder, name, defaultValue = "", noun }: FilterBoxProps) {
  const id = useId();
  const [query, setQuery] = useState(defaultValue);
  const countRef = useRef<HTMLOutputElement>(null);
  const openedByUs = useRef(new Set<HTMLDetailsElement>());

  useEffect(() => {
    const root = document.getElementById(targetId);
    if (root === null) return;
    const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
    const items = root.querySelectorAll<HTMLElement>("[data-filter]");
    let shown = 0;
    items.forEach((el) => {
      const hit = matches((el.dataset.filter ?? "").toLowerCase(), tokens);
      el.hidden = !hit;
      if (hit) shown++;
    });
    // Groups: hidden when they contain items and none is visible.
    const groups = Array.from(root.querySelectorAll<HTMLElement>("[data-filter-group]")).reverse();
    for (const g of groups) {
      const own = g.querySelectorAll<HTMLElement>("[data-filter]");
      g.hidden = own.length > 0 && Array.from(own).every((el) => el.hidden);
    }
    root.querySelectorAll("details").forEach((d) => {
      if (tokens.length > 0 && !d.open) {
        d.open = true;
        openedByUs.current.add(d);
      } else if (tokens.length === 0 && openedByUs.current.has(d)) {
        d.open = false;
        openedByUs.current.delete(d);
      }
    });
    // The count is DOM state like the rest; written directly, it costs no extra render.
    if (countRef.current !== null) {
      const total = items.length;
      countRef.current.textContent = shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
    }
  }, [query, targetId, noun]);

  return (
    <form
      role="search"
      className="filter-box"
      onSubmit={(e) => {
        // Live filtering needs no round trip; only a server-filtered page (?q=…) must reload to widen the list.
        if (defaultValue === "") e.preventDefault();
      }}
      action=""
      method="get"
    >
      <label htmlFor={id} className="filter-box__label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="search"
        value={query}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
        className="filter-box__input"
      />
      <output ref={countRef} htmlFor={id} aria-live="polite" className="filter-box__count" />
    </form>
  );
}
