import { QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement, ReactNode } from "react";

import { localePath } from "@/i18n/locale-path";
import type { Locale } from "@/i18n/routing";
import { makeQueryClient } from "@/lib/query-provider";

import messages from "../../messages/en.json";

// English, whichever locales the site offers: the tests assert the English strings and formats
// (en.json is the source catalog even where the site is German only, docs/template.md).
const TEST_LOCALE: string = "en";

/** `path` on the tests' English pages: as it is, unless the site's default locale is not English. */
export function testPath(path: string): string {
  return localePath(TEST_LOCALE, path);
}

/**
 * Renders with the real English messages (the source catalog), and a fresh query client per
 * test with the app's settings, except that a failed query is not retried: a test states each
 * answer it wants (the retry policy has its own test).
 */
export function renderWithIntl(ui: ReactElement, options?: RenderOptions) {
  const queryClient = makeQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <NextIntlClientProvider locale={TEST_LOCALE as Locale} messages={messages} timeZone="UTC">
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </NextIntlClientProvider>
    );
  }
  return render(ui, { wrapper: Wrapper, ...options });
}
