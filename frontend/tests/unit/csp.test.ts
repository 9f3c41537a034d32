/**
 * @jest-environment node
 */

/** Loads csp.ts with its environment, since env.ts reads process.env once at import. */
function loadCsp(vars: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  let csp!: typeof import("@/lib/csp");
  jest.isolateModules(() => {
    csp = jest.requireActual("@/lib/csp");
  });
  process.env = saved;
  return csp;
}

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]),
  );
}

test("production scripts and styles run only with the request's nonce", () => {
  const { buildContentSecurityPolicy } = loadCsp({ NODE_ENV: "production" });

  const policy = directives(buildContentSecurityPolicy("abc123"));

  expect(policy["script-src"]).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
  expect(policy["style-src"]).toBe("'self' 'nonce-abc123'");
  expect(policy["frame-ancestors"]).toBe("'none'");
  expect(policy["object-src"]).toBe("'none'");
  expect(policy["base-uri"]).toBe("'self'");
});

test("storage origins are allowed for images and uploads only", () => {
  const { buildContentSecurityPolicy } = loadCsp({
    NODE_ENV: "production",
    MEDIA_ORIGINS: "https://bucket.s3.example.com, http://localhost:4566",
  });

  const policy = directives(buildContentSecurityPolicy("n"));

  expect(policy["img-src"]).toBe(
    "'self' blob: data: https://bucket.s3.example.com http://localhost:4566",
  );
  expect(policy["connect-src"]).toBe("'self' https://bucket.s3.example.com http://localhost:4566");
  expect(policy["script-src"]).not.toContain("bucket");
});

test("every nonce is fresh", () => {
  const { createNonce } = loadCsp({});
  expect(createNonce()).not.toEqual(createNonce());
});

test("the nonce is read back from the policy for the theme script, and only from a policy", () => {
  const csp = loadCsp({ NODE_ENV: "production" });
  const nonce = csp.createNonce();

  expect(csp.nonceFromPolicy(csp.buildContentSecurityPolicy(nonce))).toBe(nonce);
  expect(csp.nonceFromPolicy(null)).toBeUndefined();
  expect(csp.nonceFromPolicy("default-src 'self'")).toBeUndefined();
});
