"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { toApiError } from "@/lib/api/errors";
import type { UserSession } from "@/lib/api/types";
import { useTranslateError } from "@/lib/use-translate-error";

import { useEndOtherSessions, useEndSession, useSessions } from "../hooks";

/**
 * Where the account is signed in: one row per session (a refresh-token family), this browser's
 * marked. Ending one stops its refresh at once, so that device is signed out within an access
 * token's lifetime. This browser's own session ends with "Log out", not here.
 */
export function SessionList() {
  const t = useTranslations("security");
  const format = useFormatter();
  const translate = useTranslateError();
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const { confirm, dialog } = useConfirm();
  const [ended, setEnded] = useState<number | null>(null);
  const result = useRef<HTMLParagraphElement>(null);

  // The ended rows and their buttons are gone: focus moves to the sentence that says so.
  const showEnded = (count: number) => {
    setEnded(count);
    setTimeout(() => result.current?.focus());
  };

  const failure = sessions.error ?? end.error ?? endOthers.error;
  const error = failure ? toApiError(failure) : null;
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const device = (session: UserSession) => session.device || t("unknownDevice");
  const place = (session: UserSession) => {
    const ip = session.ip ?? t("unknownAddress");
    return session.location ? `${session.location} (${ip})` : ip;
  };
  const others = sessions.data?.filter((session) => !session.current) ?? [];

  const onEnd = async (session: UserSession) => {
    const yes = await confirm({
      title: t("endSessionTitle"),
      description: t("endSessionBody", { device: device(session) }),
      confirmLabel: t("endSession"),
    });
    if (yes) end.mutate(session, { onSuccess: () => showEnded(1) });
  };

  const onEndOthers = async () => {
    const yes = await confirm({
      title: t("endOthersTitle"),
      description: t("endOthersBody"),
      confirmLabel: t("endOthers"),
    });
    if (yes) endOthers.mutate(undefined, { onSuccess: (answer) => showEnded(answer.ended) });
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("sessionsIntro")}</p>
      {error ? (
        <Alert tone="error">{translate(error.code, error.detail, error.retryAfter)}</Alert>
      ) : null}
      {sessions.data ? (
        <ul
          aria-label={t("sessionsList")}
          className="divide-y divide-zinc-200 dark:divide-zinc-800"
        >
          {sessions.data.map((session) => (
            <li
              key={session.id}
              className="flex flex-wrap items-center justify-between gap-2 py-3"
              data-testid="session"
            >
              <div className="space-y-1">
                <p className="font-medium">
                  {device(session)}
                  {session.current ? (
                    <span className="ml-2 rounded bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                      {t("thisDevice")}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{place(session)}</p>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t("sessionTimes", {
                    created: when(session.createdAt),
                    lastUsed: when(session.lastUsedAt),
                  })}
                </p>
              </div>
              {session.current ? null : (
                <Button
                  variant="secondary"
                  onClick={() => void onEnd(session)}
                  disabled={end.isPending && end.variables.id === session.id}
                  aria-label={t("endSessionLabel", { device: device(session) })}
                >
                  {t("endSession")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <Button variant="danger" onClick={() => void onEndOthers()} disabled={endOthers.isPending}>
          {t("endOthers")}
        </Button>
      ) : null}
      <p ref={result} tabIndex={-1} role="status" className="text-sm outline-none">
        {ended === null ? null : t("sessionsEnded", { count: ended })}
      </p>
      {dialog}
    </div>
  );
}
