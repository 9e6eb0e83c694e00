/**
 * Keystroke → code updated, on our method page. One character at a time into a plain string parameter, each
 * measured from the keydown's `event.timeStamp` to the first DOM change after which
 *   - the HTTP request preview (`<pre data-testid=request-preview>`) shows the new query string, and
 *   - the Monaco code panel shows the new argument (TypeScript, the default language).
 * Both are "DOM updated" times; the browser paints them at the next frame. The first animation frame after the
 * keydown is recorded too, as the floor (Monaco renders in an animation frame).
 *
 * Monaco renders only the lines in its viewport, and the TypeScript snippet has the parameter near its end (the line
 * exists once the field has a value): so one unmeasured character first, then the editor is scrolled with the mouse
 * wheel, as a reader would, until that line is visible. Focus stays in the field throughout. Keys are pressed
 * 120 ms apart, a brisk typing pace, so each measurement starts from an idle page (the URL replaceState debounce,
 * 200 ms, never fires mid-measurement).
 */
import type { Browser } from "@playwright/test";

import { installKeyProbe, NAME_SHIM } from "./page-probes";

export interface KeySamples {
  readonly field: string;
  readonly preview: number[];
  readonly code: number[];
  readonly frame: number[];
  readonly errors: string[];
}

const EDITOR = "[data-testid=code-panel-code] .monaco-editor";
const CODE = `${EDITOR} .view-lines`;
const PREVIEW = "[data-testid=request-preview]";
/** Lower-case letters only: they need no escaping in a URL or a TypeScript string literal. */
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export async function measureKeystrokes(
  browser: Browser,
  url: string,
  field: string,
  keystrokes: number,
): Promise<KeySamples> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const out: KeySamples = { field, preview: [], code: [], frame: [], errors: [] };
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(".workbench[data-hydrated]");
    await page.waitForSelector(CODE);
    await page.click(`#rf-${field}`);
    let value = "q";
    await page.keyboard.type(value);

    const editor = page.locator(EDITOR);
    await editor.scrollIntoViewIfNeeded();
    const box = await editor.boundingBox();
    if (box === null) throw new Error("the code editor has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const lineVisible = () =>
      page.$eval(CODE, (e, f) => (e.textContent ?? "").replace(/\u00a0/g, " ").includes(`${f}: '`), field);
    for (let i = 0; i < 100 && !(await lineVisible()); i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(50);
    }
    if (!(await lineVisible())) throw new Error(`the "${field}" line never became visible in the code panel`);
    await page.waitForTimeout(300);

    await page.evaluate(installKeyProbe, { preview: PREVIEW, code: CODE });
    for (let i = 0; i < keystrokes; i++) {
      const ch = LETTERS[(i * 7) % LETTERS.length]!;
      value += ch;
      await page.evaluate(([preview, code]) => window.__benchKeys!.arm(preview, code, 3000), [
        `${field}=${value} HTTP`,
        `${field}: '${value}',`,
      ] as const);
      await page.keyboard.press(ch);
      try {
        const r = await page.evaluate(() => window.__benchKeys!.pending!);
        out.preview.push(r.preview);
        out.code.push(r.code);
        out.frame.push(r.frame);
      } catch (err) {
        out.errors.push(err instanceof Error ? err.message.split("\n")[0]! : String(err));
      }
      await page.waitForTimeout(120);
    }
  } finally {
    await context.close();
  }
  return out;
}
