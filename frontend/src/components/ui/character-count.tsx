import { useTranslations } from "next-intl";

/**
 * "12 of 150 characters" under a field with a length limit, so the limit is known before the
 * form refuses the text. Fields name it in aria-describedby; it turns red over the limit. No
 * maxLength on the field: that would silently cut pasted text.
 */
export function CharacterCount({ id, count, max }: { id: string; count: number; max: number }) {
  const t = useTranslations("common");
  return (
    <p
      id={id}
      className={`mt-1 text-xs ${count > max ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
    >
      {t("characterCount", { count, max })}
    </p>
  );
}
