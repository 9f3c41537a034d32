import "@testing-library/jest-dom";

import { server } from "./server";

// Unanswered requests fail loudly: a test must say what the backend answers.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
