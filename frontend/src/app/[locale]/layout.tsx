import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { resolveLocale } from "@/i18n/page-locale";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { env } from "@/env";
import { SessionProvider } from "@/features/auth/session";
import { nonceFromPolicy } from "@/lib/csp";

import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    metadataBase: new URL(env.siteUrl),
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description: t("description"),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await resolveLocale(params);
  // Every HTML response carries a fresh CSP nonce (src/proxy.ts), so nothing may be prerendered
  // at build time: a static page would ship scripts without the nonce and the browser would block them.
  await connection();
  const t = await getTranslations("common");
  // src/proxy.ts put the policy with this request's nonce on the request headers.
  const nonce = nonceFromPolicy((await headers()).get("content-security-policy"));

  return (
    // The theme script sets <html>'s class before React hydrates: not a mismatch to warn about.
    <html lang={locale} suppressHydrationWarning>
      <body className="flex min-h-screen flex-col bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <ThemeProvider nonce={nonce}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
          >
            {t("skipToContent")}
          </a>
          <NextIntlClientProvider>
            <SessionProvider>
              <SiteHeader />
              <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 sm:px-6">
                {children}
              </main>
              <SiteFooter />
            </SessionProvider>
          </NextIntlClientProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
