// A stand-in for a GitHub Enterprise server, so the browser tests can drive social login
// end to end without the internet. It consents at once: /login/oauth/authorize redirects
// straight back to the backend's callback with a code and the state it was given.
//
// Usage: node e2e/stub-oauth-provider.mjs <port>
// The backend points at it with SOCIAL_AUTH_GITHUB_ENTERPRISE_URL=http://127.0.0.1:<port>/
// and SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL=http://127.0.0.1:<port>/api/v3/.
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 8765);
const STUB_USER = {
  id: 90210,
  login: "octo-e2e",
  name: "Octo Cat",
  email: "octo.e2e@example.com",
};
const ACCESS_TOKEN = "stub-access-token";

function json(response, status, body) {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://127.0.0.1:${port}`);
  const authorised = request.headers.authorization === `token ${ACCESS_TOKEN}`;

  if (url.pathname === "/login/oauth/authorize") {
    const back = new URL(url.searchParams.get("redirect_uri") ?? "");
    back.searchParams.set("code", "stub-code");
    back.searchParams.set("state", url.searchParams.get("state") ?? "");
    response.writeHead(302, { Location: back.toString() });
    response.end();
  } else if (url.pathname === "/login/oauth/access_token" && request.method === "POST") {
    json(response, 200, { access_token: ACCESS_TOKEN, token_type: "bearer", scope: "user:email" });
  } else if (url.pathname === "/api/v3/user" && authorised) {
    json(response, 200, STUB_USER);
  } else if (url.pathname === "/api/v3/user/emails" && authorised) {
    json(response, 200, [{ email: STUB_USER.email, verified: true, primary: true }]);
  } else if (url.pathname === "/healthz") {
    json(response, 200, { status: "ok" });
  } else {
    json(response, 404, { message: "Not Found" });
  }
});

server.listen(port, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => server.close(() => process.exit(0)));
