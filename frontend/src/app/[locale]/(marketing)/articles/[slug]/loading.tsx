import { useTranslations } from "next-intl";

export default function ArticleLoading() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-10 w-3/4 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-4 w-1/3 rounded bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-64 w-full rounded bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
