import { useId, type ComponentProps } from "react";

import { CharacterCount } from "./character-count";

type TextFieldProps = ComponentProps<"input"> & {
  label: string;
  /** Already translated message; its presence marks the input invalid. */
  error?: string;
  hint?: string;
  /** Characters typed and the limit, for a field the backend limits in length. */
  counter?: { count: number; max: number };
};

/** A labelled input whose error and hint are announced with it (aria-describedby). */
export function TextField({
  label,
  error,
  hint,
  counter,
  id,
  className,
  ...input
}: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const countId = `${inputId}-count`;
  const describedBy = [error ? errorId : null, hint ? hintId : null, counter ? countId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 aria-invalid:border-red-600 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {counter ? <CharacterCount id={countId} {...counter} /> : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
