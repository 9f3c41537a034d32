"use client";

import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import { useSyncExternalStore, type ReactNode } from "react";

import { THEMES, type ThemeChoice } from "./theme-provider";

const ICONS: Record<ThemeChoice, ReactNode> = {
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />,
  system: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
};

const noSubscription = () => () => {};

/**
 * Light, dark or the operating system's choice, as a native radio group: Tab reaches it, the
 * arrow keys choose, and screen readers announce "Theme, Dark, radio button, 2 of 3". Native
 * inputs cost no JavaScript in the first load of every page, which a headless-library radio
 * group or menu would (docs/frontend.md, bundle budget).
 */
export function ThemeSwitch() {
  const t = useTranslations("nav");
  const { theme, setTheme } = useTheme();
  // The stored choice exists only in the browser: until hydration nothing is checked, so the
  // server's HTML and the first client render agree.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <fieldset className="flex rounded border border-zinc-300 p-0.5 dark:border-zinc-700">
      <legend className="sr-only">{t("theme")}</legend>
      {THEMES.map((choice) => (
        <label
          key={choice}
          title={t(`themeName.${choice}`)}
          className="cursor-pointer rounded p-1 text-zinc-600 hover:text-zinc-900 has-checked:bg-zinc-200 has-checked:text-zinc-900 has-focus-visible:ring-2 has-focus-visible:ring-indigo-500 dark:text-zinc-300 dark:hover:text-white dark:has-checked:bg-zinc-700 dark:has-checked:text-white"
        >
          <input
            type="radio"
            name="theme"
            value={choice}
            className="sr-only"
            checked={hydrated && theme === choice}
            onChange={() => setTheme(choice)}
          />
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            width="16"
            height="16"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {ICONS[choice]}
          </svg>
          <span className="sr-only">{t(`themeName.${choice}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
