import { fireEvent, screen } from "@testing-library/react";

import { Avatar, initialsOf } from "@/components/ui/avatar";
import { CommentList } from "@/features/articles/components/comment-list";
import { UserMenu } from "@/features/auth/components/user-menu";
import type { Comment } from "@/lib/api/types";

import { renderWithIntl } from "./render";
import { ada } from "./users";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const session = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => session() }));

describe("initialsOf", () => {
  test.each([
    ["Ada Lovelace", "AL"],
    ["Grace Brewster Hopper", "GH"],
    ["ada", "A"],
    ["ada.lovelace@example.com", "AL"],
    ["User 12", "U"],
    ["Élodie Ünal", "ÉÜ"],
  ])("%j -> %j", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe("Avatar", () => {
  test("shows the thumbnail lazily, decorative beside the name", () => {
    renderWithIntl(<Avatar name="Ada Lovelace" src="/media/t.png" />);

    const image = screen.getByTestId("avatar-thumbnail");
    expect(image).toHaveAttribute("src", "/media/t.png");
    expect(image).toHaveAttribute("loading", "lazy");
    expect(image).toHaveAttribute("alt", "");
  });

  test("falls back to the initials without a picture or when it fails to load", () => {
    const { rerender } = renderWithIntl(<Avatar name="Ada Lovelace" src={null} />);
    expect(screen.getByTestId("avatar-initials")).toHaveTextContent("AL");

    rerender(<Avatar name="Ada Lovelace" src="/media/broken.png" />);
    fireEvent.error(screen.getByTestId("avatar-thumbnail"));
    expect(screen.getByTestId("avatar-initials")).toHaveTextContent("AL");
  });
});

describe("the avatar in the header", () => {
  test("shows the signed-in user's thumbnail next to the name", () => {
    session.mockReturnValue({
      status: "authenticated",
      user: { ...ada, avatar: { url: "/media/a.png", thumbnailUrl: "/media/t.png" } },
    });
    renderWithIntl(<UserMenu />);

    const link = screen.getByTestId("account-link");
    expect(link).toHaveTextContent("Ada");
    expect(screen.getByTestId("avatar-thumbnail")).toHaveAttribute("src", "/media/t.png");
  });

  test("shows the initials when the user has no picture", () => {
    session.mockReturnValue({ status: "authenticated", user: ada });
    renderWithIntl(<UserMenu />);

    expect(screen.getByTestId("avatar-initials")).toHaveTextContent("AL");
  });
});

describe("the avatar next to comments", () => {
  const comment = (id: number, name: string, avatarThumbnailUrl: string | null): Comment => ({
    id,
    author: { id, name, avatarThumbnailUrl },
    body: "Hello",
    createdAt: "2026-01-01T12:00:00Z",
    editedAt: null,
  });

  test("each comment shows its author's thumbnail or initials", () => {
    renderWithIntl(
      <CommentList
        count={2}
        comments={[comment(1, "Ada Lovelace", "/media/ada.png"), comment(2, "Alan Turing", null)]}
        hasMore={false}
      />,
    );

    const [first, second] = screen.getAllByTestId("comment");
    expect(first!.querySelector("img")).toHaveAttribute("src", "/media/ada.png");
    expect(first!.querySelector("img")).toHaveAttribute("loading", "lazy");
    expect(second).toHaveTextContent("AT");
  });
});
