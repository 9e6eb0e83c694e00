/**
 * Resolves once `target` has seen none of `events` for `quietMs`, and then `idle` has called back — "the user is
 * not in the middle of something and the main thread is free". Used to start heavy, non-essential work (Monaco's
 * start-up) without holding back the user's first keystrokes. Every such event restarts the wait.
 */
export interface QuietEnvironment {
  readonly target: {
    addEventListener(type: string, listener: () => void, options: AddEventListenerOptions): void;
    removeEventListener(type: string, listener: () => void, options: EventListenerOptions): void;
  };
  readonly setTimeout: (fn: () => void, ms: number) => number;
  readonly clearTimeout: (id: number) => void;
  /** requestIdleCallback where available; otherwise call `fn` directly. */
  readonly idle: (fn: () => void) => void;
}

export function whenQuiet(env: QuietEnvironment, events: readonly string[], quietMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    let timer = 0;
    const rearm = () => {
      env.clearTimeout(timer);
      timer = env.setTimeout(done, quietMs);
    };
    const done = () => {
      for (const type of events) env.target.removeEventListener(type, rearm, { capture: true });
      env.idle(resolve);
    };
    for (const type of events) env.target.addEventListener(type, rearm, { capture: true, passive: true });
    rearm();
  });
}
