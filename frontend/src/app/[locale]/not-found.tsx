import { useLocale, useTranslations } from "next-intl";

import { localePath } from "@/i18n/locale-path";

export default function NotFound() {
  const t = useTranslations("notFound");
  const locale = useLocale();
  return (
    <section className="space-y-4 py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      {/* A full page load, not <Link>: Next.js leaves the not-found page up until the pathname
          changes, and a bad list URL (/?page=99) has the pathname of the list it leads back to. */}
      <a href={localePath(locale, "/")} className="link">
        {t("home")}
      </a>
    </section>
  );
}
