import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { AuthCard } from "@/components/layout/auth-card";
import { ResendVerificationForm } from "@/features/auth/components/resend-verification-form";
import { firstParam, type SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("checkEmailTitle"), robots: { index: false } };
}

export default async function CheckEmailPage({ params, searchParams }: Props) {
  await resolveLocale(params);
  const email = firstParam((await searchParams).email);
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("checkEmailTitle")} intro={t("checkEmailIntro")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("checkEmailResendIntro")}</p>
      <ResendVerificationForm email={email ?? ""} />
    </AuthCard>
  );
}
