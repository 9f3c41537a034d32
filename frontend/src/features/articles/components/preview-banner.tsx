import { useTranslations } from "next-intl";

/**
 * Shown above an article read through a preview token (draft mode): the editor must never take
 * the draft for the published page. The exit is a plain link, not next-intl's Link: a route
 * handler, outside the locale routes, that must not be prefetched (a prefetch would end the
 * preview on its own).
 */
export function PreviewBanner({ path }: { path: string }) {
  const t = useTranslations("preview");
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        <strong className="font-semibold">{t("label")}</strong> {t("explanation")}
      </p>
      <a href={`/cms/preview/exit?to=${encodeURIComponent(path)}`} className="link font-medium">
        {t("exit")}
      </a>
    </div>
  );
}
