import type { ReactNode } from "react";

/** The narrow centred column every authentication page uses. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {intro ? <p className="text-zinc-600 dark:text-zinc-400">{intro}</p> : null}
      </header>
      {children}
    </section>
  );
}
