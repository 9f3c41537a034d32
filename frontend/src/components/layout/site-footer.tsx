import { useTranslations } from "next-intl";

export function SiteFooter() {
  const t = useTranslations("nav");
  return (
    <footer className="border-t border-zinc-200 py-6 text-center text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
      {t("footer", { year: new Date().getFullYear() })}
    </footer>
  );
}
