"use client";

import { useLocale, useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { toApiError } from "@/lib/api/errors";
import type { SocialAccount } from "@/lib/api/types";
import { formatDate } from "@/lib/format";
import { useTranslateError } from "@/lib/use-translate-error";

import { useSocialAccounts, useUnlinkSocialAccount } from "../hooks";

/**
 * Social logins linked to this user; unlinking the last way to log in is refused by the API,
 * and for an account without a password (`hasPassword` false) the intro says so up front.
 */
export function ConnectedAccounts({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const translate = useTranslateError();
  const accounts = useSocialAccounts();
  const unlink = useUnlinkSocialAccount();
  const { confirm, dialog } = useConfirm();

  const failure = unlink.error ?? accounts.error;
  const error = failure ? toApiError(failure) : null;

  const onUnlink = async (account: SocialAccount) => {
    const { provider } = account;
    const yes = await confirm({
      title: t("unlinkTitle", { provider }),
      description: t("unlinkBody", { provider }),
      confirmLabel: t("unlink"),
    });
    if (yes) unlink.mutate(account);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t(hasPassword ? "connectedIntro" : "connectedIntroNoPassword")}
      </p>
      {error ? (
        <Alert tone="error">{translate(error.code, error.detail, error.retryAfter)}</Alert>
      ) : null}
      {accounts.data === undefined ? null : accounts.data.length === 0 ? (
        <p className="text-sm">{t("connectedNone")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {accounts.data.map((account) => (
            <li key={account.id} className="flex items-center justify-between gap-4 py-2">
              <span>
                <span className="font-medium">{account.provider}</span>{" "}
                <span className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t("connectedSince", { date: formatDate(account.createdAt, locale) })}
                </span>
              </span>
              <Button
                variant="secondary"
                onClick={() => void onUnlink(account)}
                disabled={unlink.isPending && unlink.variables.id === account.id}
              >
                {t("unlink")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {dialog}
    </div>
  );
}
