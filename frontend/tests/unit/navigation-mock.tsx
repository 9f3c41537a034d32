import type { ComponentProps } from "react";

/**
 * Stand-in for src/i18n/navigation.ts: next-intl's navigation needs the Next.js app router,
 * which unit tests do not have. Tests assert on `router` calls and plain <a> links.
 */
export const router = { push: jest.fn(), replace: jest.fn(), back: jest.fn(), refresh: jest.fn() };

export function Link({ href, ...props }: Omit<ComponentProps<"a">, "href"> & { href: string }) {
  return <a href={href} {...props} />;
}

export const navigationMock = {
  Link,
  useRouter: () => router,
  usePathname: () => "/current",
};
