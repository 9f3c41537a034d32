"use client";

import { useTranslations } from "next-intl";

import { SettingsSection } from "@/components/layout/settings-section";
import { RequireAuth } from "@/features/auth/components/require-auth";
import { useSession } from "@/features/auth/session";
import { SecuritySections } from "@/features/security/components/security-sections";

import { AvatarUploader } from "./avatar-uploader";
import { ChangeEmailForm } from "./change-email-form";
// [copier] if social
import { ConnectedAccounts } from "./connected-accounts";
// [copier] end
import { DataExport } from "./data-export";
import { DeleteAccountForm } from "./delete-account-form";
// [copier] if lang_both
import { LanguagePreference } from "./language-preference";
// [copier] end
import { PasswordSettings } from "./password-settings";
import { ProfileForm } from "./profile-form";

function Sections() {
  const t = useTranslations("account");
  const { user } = useSession();
  if (!user) return null;
  return (
    <div className="space-y-6">
      <SettingsSection id="profile" title={t("profile")}>
        <ProfileForm user={user} />
      </SettingsSection>
      <SettingsSection id="avatar" title={t("avatar")}>
        <AvatarUploader user={user} />
      </SettingsSection>
      <SettingsSection id="email" title={t("email")}>
        <ChangeEmailForm user={user} />
      </SettingsSection>
      {/* [copier] if lang_both */}
      <SettingsSection id="language" title={t("language")}>
        <LanguagePreference user={user} />
      </SettingsSection>
      {/* [copier] end */}
      <SettingsSection id="password" title={t("password")}>
        <PasswordSettings hasPassword={user.hasPassword} />
      </SettingsSection>
      {/* [copier] if social */}
      <SettingsSection id="connected" title={t("connected")}>
        <ConnectedAccounts hasPassword={user.hasPassword} />
      </SettingsSection>
      {/* [copier] end */}
      <SecuritySections user={user} />
      <SettingsSection id="export" title={t("export")}>
        <DataExport />
      </SettingsSection>
      <SettingsSection id="delete" title={t("delete")}>
        <DeleteAccountForm user={user} />
      </SettingsSection>
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
