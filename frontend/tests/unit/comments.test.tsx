import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { Comment } from "@/features/articles/api";
import { Comments } from "@/features/articles/components/comments";

import { renderWithIntl } from "./render";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const session = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => session() }));

const api = {
  createComment: jest.fn(),
  deleteComment: jest.fn(),
  listComments: jest.fn(),
  updateComment: jest.fn(),
};
jest.mock("@/features/articles/api", () => ({
  createComment: (...a: unknown[]) => api.createComment(...a),
  deleteComment: (...a: unknown[]) => api.deleteComment(...a),
  listComments: (...a: unknown[]) => api.listComments(...a),
  updateComment: (...a: unknown[]) => api.updateComment(...a),
}));

const comment = (id: number, authorId: number, body: string): Comment => ({
  id,
  author: { id: authorId, name: `Author ${authorId}`, avatarThumbnailUrl: null },
  body,
  createdAt: "2026-01-02T10:00:00Z",
  editedAt: null,
});

const initial = {
  count: 2,
  next: null,
  previous: null,
  results: [comment(1, 7, "Mine"), comment(2, 8, "Someone else's")],
};
const me = { id: 7, firstName: "Ada", email: "ada@example.com" };

/** Renders for a logged-in reader and waits for the lazily loaded comment form. */
async function renderAsMe(slug = "a") {
  session.mockReturnValue({ status: "authenticated", user: me });
  renderWithIntl(<Comments slug={slug} initial={initial} />);
  return screen.findByLabelText("Your comment");
}

test("only the author's own comment offers edit and delete", async () => {
  await renderAsMe();

  const [mine, theirs] = screen.getAllByTestId("comment");
  expect(within(mine!).getByRole("button", { name: "Edit" })).toBeInTheDocument();
  expect(within(mine!).getByRole("button", { name: "Delete" })).toBeInTheDocument();
  expect(within(theirs!).queryByRole("button", { name: "Edit" })).not.toBeInTheDocument();
  expect(within(theirs!).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
});

test("visitors get a login link instead of the form", () => {
  session.mockReturnValue({ status: "anonymous", user: null });

  renderWithIntl(<Comments slug="a" initial={initial} />);

  expect(screen.getByRole("link", { name: "Log in to join the discussion" })).toHaveAttribute(
    "href",
    "/login?next=%2Fcurrent",
  );
  expect(screen.queryByLabelText("Your comment")).not.toBeInTheDocument();
});

test("a posted comment appears at the top and the count goes up", async () => {
  api.createComment.mockResolvedValue(comment(3, 7, "Fresh thought"));
  const user = userEvent.setup();
  const form = await renderAsMe("an-article");

  await user.type(form, "Fresh thought");
  await user.click(screen.getByRole("button", { name: "Post comment" }));

  await waitFor(() =>
    expect(screen.getAllByTestId("comment")[0]).toHaveTextContent("Fresh thought"),
  );
  expect(api.createComment).toHaveBeenCalledWith("an-article", "Fresh thought");
  expect(screen.getByRole("heading", { name: "3 comments" })).toBeInTheDocument();
});

test("editing replaces the body with the server's version", async () => {
  session.mockReturnValue({ status: "authenticated", user: me });
  api.updateComment.mockResolvedValue({
    ...comment(1, 7, "Mine, edited"),
    editedAt: "2026-01-03T10:00:00Z",
  });
  const user = userEvent.setup();
  renderWithIntl(<Comments slug="a" initial={initial} />);

  await user.click(screen.getByRole("button", { name: "Edit" }));
  const mine = screen.getAllByTestId("comment")[0]!;
  const editor = await within(mine).findByLabelText("Your comment");
  await user.clear(editor);
  await user.type(editor, "Mine, edited");
  await user.click(within(mine).getByRole("button", { name: "Save" }));

  await waitFor(() => expect(mine).toHaveTextContent("Mine, edited"));
  expect(mine).toHaveTextContent("edited");
  expect(api.updateComment).toHaveBeenCalledWith(1, "Mine, edited");
});

test("deleting after confirmation removes the comment", async () => {
  api.deleteComment.mockResolvedValue(undefined);
  jest.spyOn(window, "confirm").mockReturnValue(true);
  const user = userEvent.setup();
  await renderAsMe();

  await user.click(screen.getByRole("button", { name: "Delete" }));

  await waitFor(() => expect(screen.getAllByTestId("comment")).toHaveLength(1));
  expect(api.deleteComment).toHaveBeenCalledWith(1);
  expect(screen.getByRole("heading", { name: "1 comment" })).toBeInTheDocument();
});
