import { screen, waitFor } from "@testing-library/react";

import { SocialLoginButtons } from "@/features/auth/components/social-login-buttons";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

test("renders one link per provider, pointing back to the page to return to", async () => {
  server.use(
    http.get("/api/v1/auth/social/providers/", ({ response }) =>
      response(200).json([
        { id: "github", name: "GitHub", loginUrl: "/api/v1/auth/social/github/login/?next=/" },
        {
          id: "google-oauth2",
          name: "Google",
          loginUrl: "/api/v1/auth/social/google-oauth2/login/?next=/",
        },
      ]),
    ),
  );

  renderWithIntl(<SocialLoginButtons next="/account" />);

  expect(await screen.findByRole("link", { name: "Continue with GitHub" })).toHaveAttribute(
    "href",
    "/api/v1/auth/social/github/login/?next=%2Faccount",
  );
  expect(screen.getByRole("link", { name: "Continue with Google" })).toBeInTheDocument();
});

test.each([
  ["the provider list is empty", () => Response.json([])],
  ["the call fails", () => problem(500, "server_error")],
])("renders nothing when %s", async (_, answer) => {
  let asked = 0;
  server.use(
    http.get("/api/v1/auth/social/providers/", () => {
      asked += 1;
      return answer();
    }),
  );

  const { container } = renderWithIntl(<SocialLoginButtons next="/" />);

  await waitFor(() => expect(asked).toBe(1));
  expect(container).toBeEmptyDOMElement();
});
