"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import { toApiError } from "@/lib/api/errors";
import type { DataExport } from "@/lib/api/types";
import { formatBytes } from "@/lib/format";
import { useTranslateError } from "@/lib/use-translate-error";

import { useExportFailureReason } from "../export-failure";
import { exportFinished } from "../hooks";

const dateTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );

/**
 * Past exports: when, how they ended (and why a failed one failed), how large, until when and
 * the download. The one in flight is left to the progress bar above (data-export.tsx).
 */
export function ExportHistory({ query }: { query: UseQueryResult<DataExport[]> }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const translate = useTranslateError();
  const failureReason = useExportFailureReason();

  if (query.isError) {
    const error = toApiError(query.error);
    return <Alert tone="error">{translate(error.code, error.detail, error.retryAfter)}</Alert>;
  }
  if (!query.data) return null;
  const past = query.data.filter(exportFinished);

  return (
    <div className="space-y-2">
      <h3 className="font-medium">{t("exportHistory")}</h3>
      {past.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("exportHistoryEmpty")}</p>
      ) : (
        <ul
          className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800"
          data-testid="export-history"
        >
          {past.map((item) => {
            const created = dateTime(item.createdAt, locale);
            return (
              <li key={item.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
                <span className="font-medium">{created}</span>
                <span>
                  {t(item.status === "succeeded" ? "exportSucceeded" : "exportFailedShort")}
                </span>
                {item.status === "failed" ? (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {failureReason(item.failure)}
                  </span>
                ) : null}
                {item.size !== null ? <span>{formatBytes(item.size, locale)}</span> : null}
                {item.downloadUrl ? (
                  <>
                    {item.expiresAt ? (
                      <span className="text-zinc-600 dark:text-zinc-400">
                        {t("exportExpires", { date: dateTime(item.expiresAt, locale) })}
                      </span>
                    ) : null}
                    <a
                      href={item.downloadUrl}
                      className="link"
                      download
                      aria-label={t("exportDownloadOf", { date: created })}
                    >
                      {t("exportDownloadShort")}
                    </a>
                  </>
                ) : item.status === "succeeded" ? (
                  <span className="text-zinc-600 dark:text-zinc-400">{t("exportExpired")}</span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
