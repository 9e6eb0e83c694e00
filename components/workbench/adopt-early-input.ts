/**
 * Input made before hydration, handed to React once it has hydrated.
 *
 * The method page is server-rendered, so its form is on screen (and can be typed into) a few hundred milliseconds
 * before React has hydrated it. React 19 keeps what the user typed meanwhile (it does not overwrite a form field's
 * value while hydrating: `isHydrating || … element.value = value` in react-dom's `initInput`), but its state still
 * holds the server's value: the request, the preview and the code would ignore the typed text, and the field's
 * next re-render would wipe it. After hydration, every field whose state differs from what the server rendered is
 * replayed through React's own change path, as if the user had made that change now.
 *
 * What the server rendered is still in the DOM: `defaultValue` / `defaultChecked` / an option's `defaultSelected`
 * (the HTML attributes; React keeps them equal to a controlled field's value). What the user changed is in the DOM
 * too, except in a `<textarea>`: hydration puts its rendered text back (`initTextarea`: `element.value = children`).
 * So a tiny inline script at the top of the body (EARLY_INPUT_SCRIPT) records every change as it happens, and that
 * record comes first; the DOM is the fallback (a browser restoring a form on Back fires no input event).
 * @see https://github.com/facebook/react/blob/main/packages/react-dom-bindings/src/client/ReactDOMInput.js (initInput)
 */

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Input types whose value a user cannot type or pick before hydration, or that carry no state. */
const SKIPPED_TYPES = new Set(["file", "hidden", "button", "submit", "reset", "image"]);

/** What the inline recorder saw: each field's last value (checked, for a checkbox or radio). */
export interface EarlyInputRecord {
  readonly values: Map<EventTarget, string | boolean>;
  /** Stops recording (adoption has begun: from then on React sees every change itself). */
  stop(): void;
}

declare global {
  interface Window {
    __earlyInput?: EarlyInputRecord;
  }
}

/**
 * Runs in the page as an inline script, before React and before the user can type: it is serialised with
 * Function.prototype.toString, so it must stay self-contained (no imports, no outer variables, nothing a compiler
 * would need a helper for).
 */
export function recordEarlyInput(): void {
  const values = new Map<EventTarget, string | boolean>();
  const record = (event: Event): void => {
    const t = event.target;
    if (t instanceof HTMLInputElement)
      values.set(t, t.type === "checkbox" || t.type === "radio" ? t.checked : t.value);
    else if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) values.set(t, t.value);
  };
  addEventListener("input", record, true);
  addEventListener("change", record, true);
  window.__earlyInput = {
    values,
    stop: () => {
      removeEventListener("input", record, true);
      removeEventListener("change", record, true);
    },
  };
}

/** The inline script's text (app/layout.tsx renders it first in the body, with the page's CSP nonce). */
export const EARLY_INPUT_SCRIPT = `(${recordEarlyInput.toString()})();`;

/**
 * Stops the recorder and hands over what it saw (once: later calls get nothing). The workbench takes it right after
 * hydration; on pages without one, EarlyInputDone (root layout) just stops it.
 */
export function takeEarlyInput(): EarlyInputRecord | undefined {
  const recorded = window.__earlyInput;
  recorded?.stop();
  delete window.__earlyInput;
  return recorded;
}

/** One field's early change, captured at hydration; replaying it returns false when there was nothing to do. */
type Replay = () => boolean;

/**
 * Captures, under `root`, what the user changed before hydration (call it right after the fields hydrated: a layout
 * effect of their common parent), then replays the changes one at a time, each in its own task. Captured first,
 * because the first replay re-renders the form, and React then resets every other field it controls to its state.
 * One per task, because React batches the updates of one task, and a handler that merges into the state it was
 * rendered with (a scope toggle, a snippet option) would otherwise undo the one before it. Resolves to how many
 * changes were replayed.
 */
export async function adoptEarlyInput(root: HTMLElement): Promise<number> {
  const recorded = takeEarlyInput();
  const replays: Replay[] = [];
  for (const field of root.querySelectorAll<Field>("input, select, textarea")) {
    const replay =
      field.disabled || isSkipped(field) ? null : captureChange(field, recorded?.values.get(field));
    if (replay !== null) replays.push(replay);
  }
  let adopted = 0;
  for (const replay of replays) {
    // Out of the commit that called us, and after React has rendered the previous replay.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (replay()) adopted++;
  }
  return adopted;
}

function isSkipped(field: Field): boolean {
  if (field instanceof HTMLSelectElement) return field.multiple;
  if (field.readOnly) return true;
  return field instanceof HTMLInputElement && SKIPPED_TYPES.has(field.type);
}

/** `recorded`: what the inline recorder saw last in this field, if anything (it wins over the DOM). */
function captureChange(field: Field, recorded: string | boolean | undefined): Replay | null {
  if (field instanceof HTMLSelectElement)
    return captureSelect(field, typeof recorded === "string" ? recorded : field.value);
  if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio"))
    return captureCheckable(field, typeof recorded === "boolean" ? recorded : field.checked);
  return captureText(field, typeof recorded === "string" ? recorded : field.value);
}

/** React tracks no value for a select: setting the picked value and dispatching change is enough. */
function captureSelect(select: HTMLSelectElement, picked: string): Replay | null {
  const options = [...select.options];
  const rendered = options.find((o) => o.defaultSelected) ?? options[0];
  if (rendered === undefined || picked === rendered.value) return null;
  return () => {
    if (!select.isConnected || select.disabled) return false;
    select.value = picked;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  };
}

/**
 * The other state first (through the element's own setter, which React's value tracker watches), then a real
 * click: the browser flips it to what the user picked, exactly as their click did, and React sees the change.
 * A radio the user moved away from is replayed through the radio they picked.
 */
function captureCheckable(box: HTMLInputElement, picked: boolean): Replay | null {
  if (picked === box.defaultChecked || (box.type === "radio" && !picked)) return null;
  return () => {
    if (!box.isConnected || box.disabled) return false;
    box.checked = !picked;
    box.click();
    return true;
  };
}

/**
 * The element's own `value` setter (the one React's value tracker wraps) records React's current value as its last
 * known one; the prototype's setter then puts the typed text back without telling the tracker, and the input event
 * makes React compare the two and call onChange with the typed text. The caret stays where the user left it. A
 * field whose React value moved on since hydration (`defaultValue` follows a controlled value) is left alone: the
 * user has edited it since, through React.
 */
function captureText(field: HTMLInputElement | HTMLTextAreaElement, typed: string): Replay | null {
  const rendered = field.defaultValue;
  if (typed === rendered) return null;
  // (A textarea whose text hydration reset has lost its caret too: it then goes to the end.)
  const selection = typed === field.value ? readSelection(field) : null;
  return () => {
    if (!field.isConnected || field.disabled || field.defaultValue !== rendered) return false;
    field.value = rendered;
    const prototype =
      field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, typed);
    if (selection !== null) field.setSelectionRange(selection.start, selection.end, selection.direction);
    field.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  };
}

function readSelection(
  field: HTMLInputElement | HTMLTextAreaElement,
): { start: number; end: number; direction: "forward" | "backward" | "none" } | null {
  try {
    if (field.selectionStart === null || field.selectionEnd === null) return null;
    return {
      start: field.selectionStart,
      end: field.selectionEnd,
      direction: field.selectionDirection ?? "none",
    };
  } catch {
    // Input types without a selection (number, email in some browsers) throw.
    return null;
  }
}
