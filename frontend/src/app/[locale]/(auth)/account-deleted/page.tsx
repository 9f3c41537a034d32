import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AuthCard } from "@/components/layout/auth-card";
import { Link } from "@/i18n/navigation";
import { resolveLocale } from "@/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("deletedTitle"), robots: { index: false } };
}

/** Where "Delete my account" ends (delete-account-form.tsx); needs no session. */
export default async function AccountDeletedPage({ params }: Props) {
  await resolveLocale(params);
  const t = await getTranslations("account");
  return (
    <AuthCard title={t("deletedTitle")} intro={t("deletedBody")}>
      <Link href="/" className="link">
        {t("deletedHome")}
      </Link>
    </AuthCard>
  );
}
