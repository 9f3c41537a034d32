import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { AuthCard } from "@/components/layout/auth-card";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("forgotPasswordTitle") };
}

export default async function ForgotPasswordPage({ params }: Props) {
  await resolveLocale(params);
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("forgotPasswordTitle")} intro={t("forgotPasswordIntro")}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
