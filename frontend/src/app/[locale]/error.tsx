"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

/** Shown when a page throws while rendering; `digest` matches the server log line. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errorPage");
  return (
    <section role="alert" className="space-y-4 py-16 text-center">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      {error.digest ? (
        <p className="text-xs text-zinc-500">{t("reference", { digest: error.digest })}</p>
      ) : null}
      <Button onClick={reset}>{t("retry")}</Button>
    </section>
  );
}
