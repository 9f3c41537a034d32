import { env } from "@/env";
import { sentryIngestOrigin } from "@/lib/sentry";

/**
 * Content-Security-Policy for one HTML response. Scripts run only with the per-request nonce
 * ('strict-dynamic' lets Next.js' nonce-carrying loader pull in its chunks), so an injected
 * <script> in user content cannot execute. Next.js reads the nonce from this header on the
 * request and stamps it on its own scripts.
 * https://nextjs.org/docs/app/guides/content-security-policy
 */
export function buildContentSecurityPolicy(nonce: string): string {
  const media = env.mediaOrigins.join(" ");
  const directives = [
    "default-src 'self'",
    // React's dev overlay and Fast Refresh evaluate code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env.isProduction ? "" : " 'unsafe-eval'"}`,
    // Dev mode injects <style> tags without a nonce.
    `style-src 'self' ${env.isProduction ? `'nonce-${nonce}'` : "'unsafe-inline'"}`,
    `img-src 'self' blob: data: ${media}`.trim(),
    "font-src 'self'",
    // Sentry's ingest origin only while the browser reports to it (NEXT_PUBLIC_SENTRY_DSN).
    `connect-src 'self' ${media} ${sentryIngestOrigin() ?? ""}`.replace(/ +/g, " ").trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export function createNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

/** The nonce of a policy built above, for the few scripts the app renders itself (the theme script). */
export function nonceFromPolicy(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}
