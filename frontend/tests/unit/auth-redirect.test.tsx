import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

// [copier] if social
import { AuthCallback } from "@/features/auth/components/auth-callback";
// [copier] end
import { LoginFlow } from "@/features/auth/components/login-flow";

import { router } from "./navigation-mock";
import { renderWithIntl } from "./render";

jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

let mockSearch = "";
jest.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams(mockSearch) }));

const restore = jest.fn();
const login = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ restore, login }) }));

// ?next=/%09/evil.example arrives as "/\t/evil.example"; the URL parser drops the tab, which
// used to leave "//evil.example" for the router, i.e. another site.
const offSite = ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/.//evil.example"];

// [copier] if social
test.each(offSite)("the social login callback does not follow %p off-site", async (next) => {
  restore.mockResolvedValue({ id: 1 });

  renderWithIntl(<AuthCallback next={next} error={null} />);

  await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/"));
});
// [copier] end

test.each(offSite)("the login form does not follow %p off-site", async (next) => {
  mockSearch = `next=${encodeURIComponent(next)}`;
  login.mockResolvedValue({ user: { id: 1 }, challenge: null });
  const user = userEvent.setup();
  renderWithIntl(<LoginFlow />);

  await user.type(screen.getByLabelText("Email"), "ada@example.com");
  await user.type(screen.getByLabelText("Password"), "secret-password");
  await user.click(screen.getByRole("button", { name: "Log in" }));

  await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/"));
});
