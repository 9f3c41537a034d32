import type { FormEventHandler, ReactNode } from "react";

import { Alert } from "./alert";

type FormShellProps = {
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitting: boolean;
  /** The form-level error (field errors sit next to their fields). */
  error: string | null | undefined;
  /** Shown above the error, e.g. a warning about what the form does. */
  intro?: ReactNode;
  /** Shown below the error, e.g. a success message. */
  status?: ReactNode;
  /** Shown below the fields and outside the disabled fieldset, e.g. links. */
  footer?: ReactNode;
  dense?: boolean;
  children: ReactNode;
};

/**
 * The frame every API-backed form shares. `method="post"` keeps values out of the URL if the
 * form is submitted before hydration; the fieldset disables every control while the request
 * runs, and aria-busy tells assistive technology why.
 */
export function FormShell({
  onSubmit,
  submitting,
  error,
  intro,
  status,
  footer,
  dense = false,
  children,
}: FormShellProps) {
  const spacing = dense ? "space-y-2" : "space-y-4";
  return (
    <form method="post" onSubmit={onSubmit} noValidate className={spacing} aria-busy={submitting}>
      {intro}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {status}
      <fieldset disabled={submitting} className={spacing}>
        {children}
      </fieldset>
      {footer}
    </form>
  );
}
