"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { RequireAuth } from "@/features/auth/components/require-auth";
import { useSession } from "@/features/auth/session";

import { AvatarUploader } from "./avatar-uploader";
import { ChangeEmailForm } from "./change-email-form";
import { ConnectedAccounts } from "./connected-accounts";
import { DataExport } from "./data-export";
import { DeleteAccountForm } from "./delete-account-form";
import { LanguagePreference } from "./language-preference";
import { PasswordSettings } from "./password-settings";
import { ProfileForm } from "./profile-form";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-lg border border-zinc-200 p-6 dark:border-zinc-800"
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Sections() {
  const t = useTranslations("account");
  const { user } = useSession();
  if (!user) return null;
  return (
    <div className="space-y-6">
      <Section id="profile" title={t("profile")}>
        <ProfileForm user={user} />
      </Section>
      <Section id="avatar" title={t("avatar")}>
        <AvatarUploader user={user} />
      </Section>
      <Section id="email" title={t("email")}>
        <ChangeEmailForm user={user} />
      </Section>
      <Section id="language" title={t("language")}>
        <LanguagePreference user={user} />
      </Section>
      <Section id="password" title={t("password")}>
        <PasswordSettings hasPassword={user.hasPassword} />
      </Section>
      <Section id="connected" title={t("connected")}>
        <ConnectedAccounts hasPassword={user.hasPassword} />
      </Section>
      <Section id="export" title={t("export")}>
        <DataExport />
      </Section>
      <Section id="delete" title={t("delete")}>
        <DeleteAccountForm user={user} />
      </Section>
    </div>
  );
}

export function AccountSections() {
  return (
    <RequireAuth>
      <Sections />
    </RequireAuth>
  );
}
