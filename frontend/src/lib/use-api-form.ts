"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldPath,
  type FieldValues,
} from "react-hook-form";
import type { z } from "zod";

import type en from "../../messages/en.json";

import { applyServerErrors } from "./forms";
import { useTranslateError } from "./use-translate-error";

/**
 * react-hook-form + zod wired the same way for every form: client errors are `validation.*`
 * keys from the schema, server errors arrive translated, the first invalid field takes focus,
 * and `submit` turns a thrown ApiError into field and form errors.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.infer<S>>,
) {
  type Values = z.infer<S>;
  const form = useForm<Values>({
    resolver: zodResolver(schema as never),
    defaultValues,
    shouldFocusError: true,
  });
  const tv = useTranslations("validation");
  const translate = useTranslateError();
  const [formError, setFormError] = useState<string | null>(null);
  const { setError, getValues } = form;

  const fieldError = useCallback(
    (error: FieldError | undefined): string | undefined => {
      if (!error?.message) return undefined;
      return error.type === "server"
        ? error.message
        : // Schemas use keys of the "validation" namespace as their messages.
          tv(error.message as keyof (typeof en)["validation"]);
    },
    [tv],
  );

  const submit = (onValid: (values: Values) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        await onValid(values);
      } catch (error) {
        const fields = Object.keys(getValues()) as FieldPath<Values>[];
        setFormError(applyServerErrors<Values>(error, { fields, setError, translate }));
      }
    });

  return { form, submit, formError, setFormError, fieldError };
}
