import { screen, waitFor } from "@testing-library/react";

import { SocialLoginButtons } from "@/features/auth/components/social-login-buttons";
import { ApiError } from "@/lib/api/errors";

import { renderWithIntl } from "./render";

const listSocialProviders = jest.fn();
jest.mock("@/features/auth/api", () => ({ listSocialProviders: () => listSocialProviders() }));

test("renders one link per provider, pointing back to the page to return to", async () => {
  listSocialProviders.mockResolvedValue([
    { id: "github", name: "GitHub", loginUrl: "/api/v1/auth/social/github/login/?next=/" },
    {
      id: "google-oauth2",
      name: "Google",
      loginUrl: "/api/v1/auth/social/google-oauth2/login/?next=/",
    },
  ]);

  renderWithIntl(<SocialLoginButtons next="/account" />);

  expect(await screen.findByRole("link", { name: "Continue with GitHub" })).toHaveAttribute(
    "href",
    "/api/v1/auth/social/github/login/?next=%2Faccount",
  );
  expect(screen.getByRole("link", { name: "Continue with Google" })).toBeInTheDocument();
});

test.each([
  ["the provider list is empty", () => listSocialProviders.mockResolvedValue([])],
  [
    "the call fails",
    () =>
      listSocialProviders.mockRejectedValue(
        new ApiError({ status: 500, code: "server_error", detail: "x" }),
      ),
  ],
])("renders nothing when %s", async (_, arrange) => {
  arrange();

  const { container } = renderWithIntl(<SocialLoginButtons next="/" />);

  await waitFor(() => expect(listSocialProviders).toHaveBeenCalled());
  expect(container).toBeEmptyDOMElement();
});
