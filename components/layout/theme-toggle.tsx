"use client";

import { useEffect, useId, useSyncExternalStore } from "react";

import {
  applyThemeCookie,
  currentThemeChoice,
  setThemeChoice,
  subscribeTheme,
  THEME_CHOICES,
  type ThemeChoice,
} from "@/lib/theme";

const LABELS: Readonly<Record<ThemeChoice, string>> = { system: "Auto", light: "Light", dark: "Dark" };
const TITLES: Readonly<Record<ThemeChoice, string>> = {
  system: "Follow the system's light or dark setting",
  light: "Always light",
  dark: "Always dark",
};

/** System / light / dark, as a radio group (arrow keys move). Remembered in a cookie (lib/theme.ts). */
export function ThemeToggle() {
  const name = useId();
  // "system" on the server and during hydration; the real choice right after.
  const choice = useSyncExternalStore(subscribeTheme, currentThemeChoice, () => "system" as const);
  useEffect(applyThemeCookie, []);
  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Colour theme</legend>
      {THEME_CHOICES.map((c) => (
        <label key={c} className="theme-toggle__option" title={TITLES[c]}>
          <input
            type="radio"
            name={name}
            value={c}
            checked={choice === c}
            onChange={() => setThemeChoice(c)}
            className="theme-toggle__input"
          />
          <span>{LABELS[c]}</span>
        </label>
      ))}
    </fieldset>
  );
}
