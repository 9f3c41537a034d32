"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type BaseSyntheticEvent } from "react";
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
    // Focus is handled below: while submitting, the form's fieldset is disabled and a
    // disabled input cannot take focus.
    shouldFocusError: false,
  });
  const tv = useTranslations("validation");
  const translate = useTranslateError();
  const [formError, setFormError] = useState<string | null>(null);
  const [submissions, setSubmissions] = useState(0);
  const { setError, getValues, getFieldState, setFocus } = form;

  // After each submission has rendered (fieldset enabled again), focus the first invalid
  // field in form order, whether the client schema or the backend rejected it.
  useEffect(() => {
    if (submissions === 0) return;
    const fields = Object.keys(getValues()) as FieldPath<Values>[];
    const firstInvalid = fields.find((name) => getFieldState(name).invalid);
    if (firstInvalid) setFocus(firstInvalid);
  }, [submissions, getValues, getFieldState, setFocus]);

  // `values` fill the message's placeholders: `{max}` of "tooLong", the field's length limit.
  const fieldError = useCallback(
    (error: FieldError | undefined, values?: { max: number }): string | undefined => {
      if (!error?.message) return undefined;
      return error.type === "server"
        ? error.message
        : // Schemas use keys of the "validation" namespace as their messages.
          tv(error.message as keyof (typeof en)["validation"], values);
    },
    [tv],
  );

  const submit =
    (onValid: (values: Values) => Promise<void>) => async (event?: BaseSyntheticEvent) => {
      await form.handleSubmit(async (values) => {
        setFormError(null);
        try {
          await onValid(values);
        } catch (error) {
          const fields = Object.keys(getValues()) as FieldPath<Values>[];
          setFormError(applyServerErrors<Values>(error, { fields, setError, translate }));
        }
      })(event);
      setSubmissions((count) => count + 1);
    };

  return { form, submit, formError, fieldError };
}
