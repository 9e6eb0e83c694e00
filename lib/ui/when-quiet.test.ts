import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { whenQuiet, type QuietEnvironment } from "./when-quiet";

function environment() {
  const target = new EventTarget();
  const idle: (() => void)[] = [];
  const env: QuietEnvironment = {
    target: {
      addEventListener: (type, l, o) => target.addEventListener(type, l, o),
      removeEventListener: (type, l, o) => target.removeEventListener(type, l, o),
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
    idle: (fn) => idle.push(fn),
  };
  return { env, target, idle };
}

describe("whenQuiet", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for a quiet period, then for the idle callback", async () => {
    const { env, idle } = environment();
    let resolved = false;
    void whenQuiet(env, ["keydown"], 600).then(() => (resolved = true));
    vi.advanceTimersByTime(599);
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(idle).toHaveLength(1);
    await Promise.resolve();
    expect(resolved).toBe(false); // quiet, but the main thread has not been idle yet
    idle[0]!();
    await Promise.resolve();
    expect(resolved).toBe(true);
  });

  it("restarts the wait on every input event and stops listening afterwards", async () => {
    const { env, target, idle } = environment();
    const remove = vi.spyOn(env.target, "removeEventListener");
    void whenQuiet(env, ["keydown", "pointerdown"], 600);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(500);
      target.dispatchEvent(new Event(i % 2 ? "keydown" : "pointerdown"));
    }
    expect(idle).toHaveLength(0); // typing for 2.5 s: never quiet for 600 ms
    vi.advanceTimersByTime(600);
    expect(idle).toHaveLength(1);
    expect(remove).toHaveBeenCalledTimes(2);
    target.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(1000);
    expect(idle).toHaveLength(1); // no listener left: later input starts nothing
  });

  it("ignores events it was not asked to watch", () => {
    const { env, target, idle } = environment();
    void whenQuiet(env, ["keydown"], 600);
    vi.advanceTimersByTime(400);
    target.dispatchEvent(new Event("scroll"));
    vi.advanceTimersByTime(200);
    expect(idle).toHaveLength(1);
  });
});
