import type { ComponentProps } from "react";

/**
 * Stand-in for src/i18n/navigation.ts: next-intl's navigation needs the Next.js app router,
 * which unit tests do not have. Tests assert on `router` calls and plain <a> links.
 */
export const router = { push: jest.fn(), replace: jest.fn(), back: jest.fn(), refresh: jest.fn() };

export function Link({ href, ...props }: Omit<ComponentProps<"a">, "href"> & { href: string }) {
  return <a href={href} {...props} />;
}

/** Throws as next-intl's does (Next.js ends the render there), telling where it leads. */
export const permanentRedirect = jest.fn((to: { href: string; locale: string }) => {
  throw Object.assign(new Error("NEXT_REDIRECT"), { permanentRedirect: to });
});

export const navigationMock = {
  Link,
  permanentRedirect,
  useRouter: () => router,
  usePathname: () => "/current",
};
