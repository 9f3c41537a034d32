import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { AuthCard } from "@/components/layout/auth-card";
import { RegisterForm } from "@/features/auth/components/register-form";
// [copier] if social
import { SocialLoginButtons } from "@/features/auth/components/social-login-buttons";
// [copier] end
import { Link } from "@/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("registerTitle") };
}

export default async function RegisterPage({ params }: Props) {
  await resolveLocale(params);
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("registerTitle")}>
      <RegisterForm />
      {/* [copier] if social */}
      <SocialLoginButtons next="/" />
      {/* [copier] end */}
      <p className="text-sm">
        {t("haveAccount")}{" "}
        <Link href="/login" className="link">
          {t("login")}
        </Link>
      </p>
    </AuthCard>
  );
}
