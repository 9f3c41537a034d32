import { screen } from "@testing-library/react";

import { PasswordSettings } from "@/features/account/components/password-settings";
import { emailKey } from "@/features/account/schemas";

import { renderWithIntl } from "./render";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

describe("PasswordSettings", () => {
  test("with a password, offers the change form", () => {
    renderWithIntl(<PasswordSettings hasPassword />);

    expect(screen.getByLabelText("Current password")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Change password" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Set a password by email" })).not.toBeInTheDocument();
  });

  test("without one, explains and links to the emailed reset instead of the form", () => {
    renderWithIntl(<PasswordSettings hasPassword={false} />);

    expect(screen.getByText(/Your account has no password yet/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Set a password by email" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
    expect(screen.queryByLabelText("Current password")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Change password" })).not.toBeInTheDocument();
  });
});

describe("emailKey", () => {
  test.each([
    ["Ada@Example.com ", "ada@example.com"],
    ["bob@bücher.example", "bob@xn--bcher-kva.example"],
    ["bob@xn--bcher-kva.example", "bob@xn--bcher-kva.example"],
    ["no-at-sign", "no-at-sign"],
  ])("%j -> %j", (address, key) => {
    expect(emailKey(address)).toBe(key);
  });
});
