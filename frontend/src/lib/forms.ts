import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

import { ApiError, toApiError } from "@/lib/api/errors";

/**
 * Turns an error code into a user-facing sentence: `errors.<code>` if translated, else the
 * fallback. `retryAfter` (seconds, from the ApiError) tells a rate-limited user how long to wait.
 */
export type TranslateError = (code: string, fallback: string, retryAfter?: number | null) => string;

/**
 * Puts the backend's field errors next to the matching inputs and returns what belongs at the
 * top of the form (non-field errors, errors for fields the form does not show, or the error
 * itself when it has no field errors). Focus is left to the form (see use-api-form.ts).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  options: {
    fields: readonly FieldPath<T>[];
    setError: UseFormSetError<T>;
    translate: TranslateError;
  },
): string | null {
  const apiError: ApiError = toApiError(error);
  const { fields, setError, translate } = options;
  const perField = new Map<FieldPath<T>, string>();
  const formLevel: string[] = [];

  for (const issue of apiError.fieldErrors) {
    const message = translate(issue.code, issue.message);
    const field = fields.find((name) => name === issue.field);
    if (field && !perField.has(field)) perField.set(field, message);
    else if (!field) formLevel.push(message);
  }

  for (const [field, message] of perField) setError(field, { type: "server", message });

  if (formLevel.length > 0) return formLevel.join(" ");
  if (perField.size > 0) return null;
  return translate(apiError.code, apiError.detail, apiError.retryAfter);
}

/**
 * Makes an error with `code` and no field errors an error of `field`, so the form shows it next
 * to that field, announces it with the field and focuses the field again (useApiForm focuses
 * the first invalid field). For an answer such as a wrong one-time code, which the API reports
 * for the request as a whole.
 */
export function asFieldError(error: unknown, code: string, field: string): unknown {
  const apiError = toApiError(error);
  if (apiError.code !== code || apiError.fieldErrors.length > 0) return error;
  return new ApiError({
    status: apiError.status,
    code: apiError.code,
    detail: apiError.detail,
    fieldErrors: [{ field, code: apiError.code, message: apiError.detail }],
    requestId: apiError.requestId,
    retryAfter: apiError.retryAfter,
  });
}
