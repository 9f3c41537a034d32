import nextJest from "next/jest.js";

// next/jest compiles with SWC using next.config.ts and stubs CSS and images.
const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const config = {
  // jsdom with Node's fetch, streams and TextEncoder, which MSW needs (mswjs.io/docs/faq).
  testEnvironment: "jest-fixed-jsdom",
  roots: ["<rootDir>/tests/unit"],
  setupFilesAfterEnv: ["<rootDir>/tests/unit/setup.ts"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/src/$1" },
  clearMocks: true,
};

// next-intl, openapi-msw and their dependencies ship ES modules only; let SWC transform them too.
const esmPackages = [
  "openapi-msw",
  "rettime",
  "until-async",
  "@open-draft",
  "next-intl",
  "use-intl",
  "icu-minify",
  "intl-messageformat",
  "@formatjs",
  "@schummar",
];

export default async function jestConfig() {
  const resolved = await createJestConfig(config)();
  resolved.transformIgnorePatterns = [
    `/node_modules/(?!(${esmPackages.join("|")})/)`,
    "^.+\\.module\\.(css|sass|scss)$",
  ];
  return resolved;
}
