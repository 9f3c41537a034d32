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

/**
 * Where the backend sends the browser after social login: /auth/callback?next=... or
 * ?error=<code>, or ?mfa=<ticket>&methods=totp,recoveryCode,passkey for an account with a
 * second factor.
 */
export default async function AuthCallbackPage({ params, searchParams }: Props) {
  await resolveLocale(params);
  const query = await searchParams;
  const next = firstParam(query.next);
  const error = firstParam(query.error);
  const ticket = firstParam(query.mfa);
  const methods = firstParam(query.methods);
  const challenge = ticket ? { ticket, methods: methods ? methods.split(",") : [] } : null;
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("callbackTitle")}>
      <AuthCallback next={next ?? null} error={error ?? null} challenge={challenge} />
    </AuthCard>
  );
}
