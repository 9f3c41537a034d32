"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

export const THEMES = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof THEMES)[number];

/**
 * next-themes: the choice is kept in localStorage ("theme"), and an inline script it renders
 * before the page's content sets `class="dark"` or `"light"` on <html> before the first paint,
 * so a stored dark choice never flashes light. The script needs the request's CSP nonce.
 * Tailwind's `dark:` variant follows that class (globals.css), not the media query, so "light"
 * wins over a dark operating system. "system" follows prefers-color-scheme, also when it changes.
 */
export function ThemeProvider({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      themes={["light", "dark"]}
      // color-scheme comes from globals.css (by the class); an inline style would need the nonce too.
      enableColorScheme={false}
      nonce={nonce}
    >
      {children}
    </NextThemesProvider>
  );
}
