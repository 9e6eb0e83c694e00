/**
 * The colour theme: "system" (follow `prefers-color-scheme`, the default), "light" or "dark". A forced choice is an
 * attribute on <html> (`data-theme="light" | "dark"`, which app/globals.css reads) and a cookie. "system" is the
 * absence of both. Pages are the same bytes for every visitor (lib/page-cache), so the server does not render the
 * attribute: THEME_SCRIPT, inline at the top of <body> (allowed by the page's nonce or hash), sets it from the
 * cookie before anything is painted.
 */

export type ThemeChoice = "system" | "light" | "dark";

export const THEME_COOKIE = "theme";
export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The forced theme named by a cookie value, or undefined (follow the system) for anything else. */
export function forcedTheme(cookieValue: string | undefined): "light" | "dark" | undefined {
  return cookieValue === "light" || cookieValue === "dark" ? cookieValue : undefined;
}

/** Runs before the first paint (app/layout.tsx); kept tiny and dependency-free, its text is hashed into the CSP. */
export const THEME_SCRIPT = `(function(){var m=/(?:^|;\\s*)${THEME_COOKIE}=(light|dark)(?:;|$)/.exec(document.cookie);if(m)document.documentElement.dataset.theme=m[1]})();`;

/* ---- browser only ---- */

/** The current choice, from <html data-theme>. */
export function currentThemeChoice(): ThemeChoice {
  return forcedTheme(document.documentElement.dataset.theme) ?? "system";
}

/** Whether the page is dark right now (forced, or the system's preference). */
export function isDarkTheme(): boolean {
  const choice = currentThemeChoice();
  return choice === "system" ? window.matchMedia(DARK_QUERY).matches : choice === "dark";
}

function readCookie(): string | undefined {
  return document.cookie
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${THEME_COOKIE}=`))
    ?.slice(THEME_COOKIE.length + 1);
}

/** Applies and remembers a choice (cookie for a year; "system" deletes it). */
export function setThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") {
    delete root.dataset.theme;
    document.cookie = `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  } else {
    root.dataset.theme = choice;
    document.cookie = `${THEME_COOKIE}=${choice}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
  }
}

/**
 * When the server did not render the attribute (e.g. a cached page), the cookie still decides: applied after
 * hydration, so such a page may flash the system theme first.
 */
export function applyThemeCookie(): void {
  const forced = forcedTheme(readCookie());
  if (forced !== undefined && document.documentElement.dataset.theme !== forced)
    document.documentElement.dataset.theme = forced;
}

/** Calls `onChange` when the effective theme may have changed (the attribute, or the system's preference). */
export function subscribeTheme(onChange: () => void): () => void {
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener("change", onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => {
    mq.removeEventListener("change", onChange);
    observer.disconnect();
  };
}
