import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { AuthCard } from "@/components/layout/auth-card";
import { LoginFlow } from "@/features/auth/components/login-flow";
import { SocialLoginButtons } from "@/features/auth/components/social-login-buttons";
import { Link } from "@/i18n/navigation";
import { safeNextPath } from "@/lib/safe-next";
import { type SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("loginTitle"), robots: { index: false } };
}

export default async function LoginPage({ params, searchParams }: Props) {
  await resolveLocale(params);
  const { next } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("loginTitle")}>
      <LoginFlow>
        <SocialLoginButtons next={safeNextPath(next)} />
        <p className="text-sm">
          {t("noAccount")}{" "}
          <Link href="/register" className="link">
            {t("register")}
          </Link>
        </p>
      </LoginFlow>
    </AuthCard>
  );
}
