import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AuthCard } from "@/components/layout/auth-card";
import { ConfirmEmailChange } from "@/features/account/components/confirm-email-change";
import { resolveLocale } from "@/i18n/page-locale";
import { firstParam, type SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("emailChangeConfirmTitle"), robots: { index: false } };
}

/** Target of the link sent to the new address: /confirm-email-change?token=... Needs no session. */
export default async function ConfirmEmailChangePage({ params, searchParams }: Props) {
  await resolveLocale(params);
  const token = firstParam((await searchParams).token);
  const t = await getTranslations("account");
  return (
    <AuthCard title={t("emailChangeConfirmTitle")}>
      <ConfirmEmailChange token={token ?? null} />
    </AuthCard>
  );
}
