/**
 * When Monaco may start: once the page has had no key, pointer or wheel input for `QUIET_MS` and the main thread is
 * idle (lib/ui/when-quiet). Monaco's start-up (evaluating ≈1 MB of editor code) is one long task of a few hundred
 * milliseconds on a slow machine; started the moment the page hydrated, it held back the first characters typed
 * into the form. Until then the editors show the same text in a plain `<pre>` / `<textarea>` (./code-editor.tsx),
 * which follow every change, so nothing waits for Monaco. Browser only; one promise shared by every editor.
 */
import { useEffect, useState } from "react";

import { whenQuiet } from "@/lib/ui/when-quiet";

const QUIET_MS = 600;
const INPUT_EVENTS = ["keydown", "pointerdown", "wheel", "input"];

let quiet: Promise<void> | null = null;

export function whenPageQuiet(): Promise<void> {
  quiet ??= whenQuiet(
    {
      target: window,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      idle: (fn) =>
        typeof window.requestIdleCallback === "function"
          ? window.requestIdleCallback(() => fn(), { timeout: 1000 })
          : fn(),
    },
    INPUT_EVENTS,
    QUIET_MS,
  );
  return quiet;
}

/** false until the page is quiet (whenPageQuiet), then true for good: what the editor and its schema wait for. */
export function usePageQuiet(): boolean {
  const [isQuiet, setQuiet] = useState(false);
  useEffect(() => {
    let live = true;
    void whenPageQuiet().then(() => {
      if (live) setQuiet(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return isQuiet;
}
