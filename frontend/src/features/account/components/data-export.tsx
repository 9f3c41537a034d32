"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { toApiError } from "@/lib/api/errors";
import { useTranslateError } from "@/lib/use-translate-error";

import { useExportFailureReason } from "../export-failure";
import {
  exportFinished,
  exportToResume,
  useExport,
  useExports,
  useRefreshExportsWhenFinished,
  useStartExport,
} from "../hooks";
import { ExportHistory } from "./export-history";

export function DataExport() {
  const t = useTranslations("account");
  const locale = useLocale();
  const translate = useTranslateError();
  const failureReason = useExportFailureReason();
  const history = useExports();
  const [startedId, setStartedId] = useState<string | null>(null);
  const start = useStartExport((started) => setStartedId(started.id));
  const polled = useExport(startedId ?? exportToResume(history.data));

  const failure = start.error ?? polled.error;
  const error = failure ? toApiError(failure) : null;
  // A failed poll leaves the last progress behind; it says nothing about the export any more.
  const current = polled.isError ? null : polled.data;
  const running = current !== undefined && current !== null && !exportFinished(current);
  useRefreshExportsWhenFinished(current);

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("exportIntro")}</p>
      {error ? (
        <Alert tone="error">{translate(error.code, error.detail, error.retryAfter)}</Alert>
      ) : null}
      {running ? (
        <div className="space-y-1">
          <ProgressBar value={current.progress} label={t("exportProgress")} />
          <p className="text-sm" aria-live="polite">
            {t("exportRunning", { percent: current.progress })}
          </p>
        </div>
      ) : null}
      {current?.status === "failed" ? (
        <Alert tone="error">{failureReason(current.failure)}</Alert>
      ) : null}
      {current?.status === "succeeded" && current.downloadUrl ? (
        <Alert tone="success">
          <a href={current.downloadUrl} className="link" download>
            {t("exportDownload")}
          </a>
          {current.expiresAt
            ? ` ${t("exportExpires", {
                date: new Intl.DateTimeFormat(locale, {
                  dateStyle: "medium",
                  timeStyle: "short",
                }).format(new Date(current.expiresAt)),
              })}`
            : null}
        </Alert>
      ) : null}
      <Button
        variant="secondary"
        onClick={() => start.mutate()}
        disabled={start.isPending || running}
      >
        {t("exportStart")}
      </Button>
      <ExportHistory query={history} />
    </div>
  );
}
