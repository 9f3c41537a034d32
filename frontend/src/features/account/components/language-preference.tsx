"use client";

import { hasLocale, useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { useSession } from "@/features/auth/session";
import { usePathname, useRouter } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { toApiError } from "@/lib/api/errors";
import type { Language, User } from "@/lib/api/types";
import { useTranslateError } from "@/lib/use-translate-error";

import { updateProfile } from "../api";

/**
 * The language of the account's emails (User.language). Saving it also switches the site to
 * that language, so one choice covers both; the header's language links switch only the site
 * (docs/frontend.md#account-page).
 */
export function LanguagePreference({ user }: { user: User }) {
  const t = useTranslations("account");
  const tn = useTranslations("nav");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const translate = useTranslateError();
  const { setUser } = useSession();
  const selectId = useId();
  const [language, setLanguage] = useState<Language>(user.language);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await updateProfile({ language });
      setUser(updated);
      setSaved(true);
      // Emails come in every language the backend has; the site switches when it offers it.
      if (updated.language !== locale && hasLocale(routing.locales, updated.language)) {
        router.replace(pathname, { locale: updated.language });
      }
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(translate(apiError.code, apiError.detail, apiError.retryAfter));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={submitting}
      error={error}
      status={saved ? <Alert tone="success">{t("languageSaved")}</Alert> : null}
    >
      <div className="space-y-1">
        <label htmlFor={selectId} className="block text-sm font-medium">
          {t("languageLabel")}
        </label>
        <select
          id={selectId}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {routing.locales.map((code) => (
            <option key={code} value={code} lang={code}>
              {tn(`localeName.${code}`)}
            </option>
          ))}
        </select>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("languageHint")}</p>
      </div>
      <Button type="submit" variant="secondary">
        {t("saveLanguage")}
      </Button>
    </FormShell>
  );
}
