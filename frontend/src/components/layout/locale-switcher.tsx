"use client";

import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

/** Links to the current page in each other locale, keeping the query (page, tag, search). */
export function LocaleSwitcher() {
  const t = useTranslations("nav");
  const current = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams());
  return (
    <ul aria-label={t("language")} className="flex gap-2">
      {routing.locales
        .filter((locale) => locale !== current)
        .map((locale) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              lang={locale}
              className="rounded border border-zinc-300 px-2 py-0.5 uppercase hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              {t(`localeName.${locale}`)}
            </Link>
          </li>
        ))}
    </ul>
  );
}
