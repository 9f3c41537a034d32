"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { toApiError } from "@/lib/api/errors";
import { useTranslateError } from "@/lib/use-translate-error";

import { getExport, startExport, type DataExport as Export } from "../api";

/** How often a running export is polled; the backend updates progress as it writes. */
export const EXPORT_POLL_MS = 1500;

const finished = (item: Export) => item.status === "succeeded" || item.status === "failed";

export function DataExport() {
  const t = useTranslations("account");
  const locale = useLocale();
  const translate = useTranslateError();
  const [current, setCurrent] = useState<Export | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!current || finished(current)) return;
    const timer = window.setTimeout(() => {
      getExport(current.id)
        .then(setCurrent)
        .catch((caught: unknown) => {
          const apiError = toApiError(caught);
          setError(translate(apiError.code, apiError.detail));
          setCurrent(null);
        });
    }, EXPORT_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [current, translate]);

  const onStart = async () => {
    setError(null);
    setStarting(true);
    try {
      setCurrent(await startExport());
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(translate(apiError.code, apiError.detail));
    } finally {
      setStarting(false);
    }
  };

  const running = current !== null && !finished(current);
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("exportIntro")}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {running ? (
        <div className="space-y-1">
          <ProgressBar value={current.progress} label={t("exportProgress")} />
          <p className="text-sm" aria-live="polite">
            {t("exportRunning", { percent: current.progress })}
          </p>
        </div>
      ) : null}
      {current?.status === "failed" ? <Alert tone="error">{t("exportFailed")}</Alert> : null}
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
      <Button variant="secondary" onClick={onStart} disabled={starting || running}>
        {t("exportStart")}
      </Button>
    </div>
  );
}
