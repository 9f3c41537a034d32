"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { Button } from "@/components/ui/button";
import { CharacterCount } from "@/components/ui/character-count";
import { FormShell } from "@/components/ui/form-shell";
import { useApiForm } from "@/lib/use-api-form";

import { COMMENT_MAX_LENGTH, commentSchema } from "../schemas";

/** Writes a new comment or edits one; `onSave` throws ApiError on failure. */
export function CommentForm({
  initialBody = "",
  submitLabel,
  onSave,
  onCancel,
}: {
  initialBody?: string;
  submitLabel: string;
  onSave: (body: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useTranslations("comments");
  const id = useId();
  const { form, submit, formError, fieldError } = useApiForm(commentSchema, { body: initialBody });
  const {
    register,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const error = fieldError(errors.body, { max: COMMENT_MAX_LENGTH });
  const describedBy = error ? `${id}-count ${id}-error` : `${id}-count`;

  const onSubmit = submit(async ({ body }) => {
    await onSave(body);
    reset({ body: "" });
  });

  return (
    <FormShell onSubmit={onSubmit} submitting={isSubmitting} error={formError} dense>
      <label htmlFor={`${id}-body`} className="block text-sm font-medium">
        {t("bodyLabel")}
      </label>
      <textarea
        id={`${id}-body`}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        {...register("body")}
      />
      <CharacterCount id={`${id}-count`} count={watch("body").length} max={COMMENT_MAX_LENGTH} />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit">{submitLabel}</Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </FormShell>
  );
}
