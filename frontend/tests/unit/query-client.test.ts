import { ApiError } from "@/lib/api/errors";
import { retryable } from "@/lib/query-provider";

const failure = (status: number, code = "x") => new ApiError({ status, code, detail: code });

test.each([
  ["no answer (status 0)", failure(0, "network_error"), true],
  ["a 503 during a deploy", failure(503), true],
  ["a 404", failure(404), false],
  ["a 401 the client could not refresh", failure(401), false],
  ["a 429", failure(429), false],
])("a query failing with %s is retried: %s", (_, error, expected) => {
  expect(retryable(0, error)).toBe(expected);
});

test("a query is retried twice at most", () => {
  expect(retryable(1, failure(503))).toBe(true);
  expect(retryable(2, failure(503))).toBe(false);
});
