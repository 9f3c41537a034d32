import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { AuthCard } from "@/components/layout/auth-card";
import { LoginFlow } from "@/features/auth/components/login-flow";
// [copier] if social
import { SocialLoginButtons } from "@/features/auth/components/social-login-buttons";
// [copier] end
import { Link } from "@/i18n/navigation";
// [copier] if social
import { safeNextPath } from "@/lib/safe-next";
// [copier] end
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

export default async function LoginPage(props: Props) {
  await resolveLocale(props.params);
  // [copier] if social
  const { next } = await props.searchParams;
  // [copier] end
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("loginTitle")}>
      <LoginFlow>
        {/* [copier] if social */}
        <SocialLoginButtons next={safeNextPath(next)} />
        {/* [copier] end */}
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
