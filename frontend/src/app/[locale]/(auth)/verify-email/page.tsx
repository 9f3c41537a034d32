import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { AuthCard } from "@/components/layout/auth-card";
import { VerifyEmail } from "@/features/auth/components/verify-email";
import { firstParam, type SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("verifyEmailTitle"), robots: { index: false } };
}

/** Target of the link in the verification email: /verify-email?token=... */
export default async function VerifyEmailPage({ params, searchParams }: Props) {
  await resolveLocale(params);
  const token = firstParam((await searchParams).token);
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("verifyEmailTitle")}>
      <VerifyEmail token={token ?? null} />
    </AuthCard>
  );
}
