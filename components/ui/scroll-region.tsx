"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Keyboard access to a scrolling box (WCAG 2.1.1; axe-core `scrollable-region-focusable`): while its content
 * overflows, the box is a tab stop, so arrow keys and Page Up/Down scroll it. Boxes that fit are not (no extra tab
 * stops). Returns the ref to attach and whether the box scrolls now.
 */
export function useScrollable<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [scrollable, setScrollable] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const check = () =>
      setScrollable(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return { ref, scrollable };
}

/** A `<div>` that becomes a focusable, named region while its content overflows it (e.g. a wide table). */
export function ScrollRegion({
  className,
  label,
  children,
}: {
  readonly className: string;
  /** The region's accessible name, e.g. the table's caption. */
  readonly label: string;
  readonly children: ReactNode;
}) {
  const { ref, scrollable } = useScrollable<HTMLDivElement>();
  return (
    <div
      ref={ref}
      className={className}
      {...(scrollable ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      {children}
    </div>
  );
}
