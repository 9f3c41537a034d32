import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AuthCard } from "@/components/layout/auth-card";
import { Link } from "@/i18n/navigation";
import { resolveLocale } from "@/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("emailChangedTitle"), robots: { index: false } };
}

/** Where a confirmed email change ends (confirm-email-change.tsx); needs no session: all ended. */
export default async function EmailChangedPage({ params }: Props) {
  await resolveLocale(params);
  const t = await getTranslations("account");
  return (
    <AuthCard title={t("emailChangedTitle")} intro={t("emailChangedBody")}>
      <Link href="/login" className="link">
        {t("emailChangedLogin")}
      </Link>
    </AuthCard>
  );
}
