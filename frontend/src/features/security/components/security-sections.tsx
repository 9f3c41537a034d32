"use client";

import { useTranslations } from "next-intl";

import { SettingsSection } from "@/components/layout/settings-section";
import type { User } from "@/lib/api/types";

import { useMfaStatus } from "../hooks";
import { ReauthProvider } from "../reauth";

import { PasskeySettings } from "./passkey-settings";
import { SessionList } from "./session-list";
import { TwoFactorSettings } from "./two-factor-settings";

/**
 * The account page's security part: the second factor, passkeys and signed-in devices, under
 * one ReauthProvider, so a change that wants a fresh proof of identity asks in one dialog.
 */
export function SecuritySections({ user }: { user: User }) {
  const t = useTranslations("security");
  const status = useMfaStatus();
  return (
    <ReauthProvider
      hasPassword={user.hasPassword}
      hasPasskey={(status.data?.passkeyCount ?? 0) > 0}
    >
      <SettingsSection id="two-factor" title={t("twoFactor")}>
        <TwoFactorSettings />
      </SettingsSection>
      <SettingsSection id="passkeys" title={t("passkeys")}>
        <PasskeySettings />
      </SettingsSection>
      <SettingsSection id="sessions" title={t("sessions")}>
        <SessionList />
      </SettingsSection>
    </ReauthProvider>
  );
}
