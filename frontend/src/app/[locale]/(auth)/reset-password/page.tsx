import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { Alert } from "@/components/ui/alert";
import { AuthCard } from "@/components/layout/auth-card";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";
import { Link } from "@/i18n/navigation";
import { firstParam, type SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("resetPasswordTitle"), robots: { index: false } };
}

/** Target of the link in the reset email: /reset-password?uid=...&token=... */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  await resolveLocale(params);
  const query = await searchParams;
  const uid = firstParam(query.uid);
  const token = firstParam(query.token);
  const [t, te] = await Promise.all([getTranslations("auth"), getTranslations("errors")]);
  return (
    <AuthCard title={t("resetPasswordTitle")}>
      {uid && token ? (
        <ResetPasswordForm uid={uid} token={token} />
      ) : (
        <Alert tone="error">
          {te("invalid_token")}{" "}
          <Link href="/forgot-password" className="link">
            {t("requestNewLink")}
          </Link>
        </Alert>
      )}
    </AuthCard>
  );
}
