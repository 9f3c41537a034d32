"use client";

import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

import { ChangePasswordForm } from "./change-password-form";

/**
 * Changing a password needs the current one. An account without one (it signs in otherwise) sets
 * its first through the emailed reset link, the one way that proves the mailbox.
 */
export function PasswordSettings({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("account");
  if (hasPassword) return <ChangePasswordForm />;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("passwordNone")}</p>
      <Link href="/forgot-password" className="link">
        {t("passwordSetByEmail")}
      </Link>
    </div>
  );
}
