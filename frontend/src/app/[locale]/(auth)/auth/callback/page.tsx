import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { AuthCard } from "@/components/layout/auth-card";
import { AuthCallback } from "@/features/auth/components/auth-callback";
import { firstParam, type SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("callbackTitle"), robots: { index: false } };
}

/** Where the backend sends the browser after social login: /auth/callback?next=... or ?error=<code> */
export default async function AuthCallbackPage({ params, searchParams }: Props) {
  await resolveLocale(params);
  const query = await searchParams;
  const next = firstParam(query.next);
  const error = firstParam(query.error);
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("callbackTitle")}>
      <AuthCallback next={next ?? null} error={error ?? null} />
    </AuthCard>
  );
}
