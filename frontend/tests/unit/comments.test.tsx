import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Comments } from "@/features/articles/components/comments";
import type { Comment } from "@/lib/api/types";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const session = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => session() }));

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

test("the server's first page shows before the interactive version has loaded", async () => {
  session.mockReturnValue({ status: "anonymous", user: null });

  renderWithIntl(<Comments slug="a" initial={initial} />);

  expect(screen.getByRole("heading", { name: "2 comments" })).toBeInTheDocument();
  expect(screen.getAllByTestId("comment").map((c) => c.textContent)).toEqual([
    expect.stringContaining("Mine"),
    expect.stringContaining("Someone else's"),
  ]);
  // ...which then takes over with the same list.
  await screen.findByRole("link", { name: "Log in to join the discussion" });
  expect(screen.getAllByTestId("comment")).toHaveLength(2);
});

test("visitors get a login link instead of the form", async () => {
  session.mockReturnValue({ status: "anonymous", user: null });

  renderWithIntl(<Comments slug="a" initial={initial} />);

  expect(
    await screen.findByRole("link", { name: "Log in to join the discussion" }),
  ).toHaveAttribute("href", "/login?next=%2Fcurrent");
  expect(screen.queryByLabelText("Your comment")).not.toBeInTheDocument();
});

test("a posted comment appears last, where it is after a reload, and the count goes up", async () => {
  // The backend: oldest first, as ArticleCommentsApi lists them.
  const stored = [...initial.results];
  const posted: string[] = [];
  server.use(
    http.post("/api/v1/articles/{slug}/comments/", async ({ params, request, response }) => {
      const body = (await request.json()).body;
      posted.push(`${params.slug}: ${body}`);
      const created = comment(3, 7, body);
      stored.push(created);
      return response(201).json(created);
    }),
  );
  const user = userEvent.setup();
  const form = await renderAsMe("an-article");

  await user.type(form, "Fresh thought");
  await user.click(screen.getByRole("button", { name: "Post comment" }));

  await waitFor(() => expect(screen.getAllByTestId("comment")).toHaveLength(3));
  const shown = screen.getAllByTestId("comment").map((c) => c.textContent);
  expect(shown[2]).toContain("Fresh thought");
  expect(posted).toEqual(["an-article: Fresh thought"]);
  expect(screen.getByRole("heading", { name: "3 comments" })).toBeInTheDocument();

  // A reload renders the server's first page: the same order.
  cleanup();
  renderWithIntl(
    <Comments slug="an-article" initial={{ ...initial, count: stored.length, results: stored }} />,
  );
  await screen.findByLabelText("Your comment");
  expect(screen.getAllByTestId("comment").map((c) => c.textContent)).toEqual(shown);
});

test("a comment posted while later pages are unloaded waits for them, shown once", async () => {
  server.use(
    http.post("/api/v1/articles/{slug}/comments/", ({ response }) =>
      response(201).json(comment(5, 7, "Fresh thought")),
    ),
    http.get("/api/v1/articles/{slug}/comments/", ({ response }) =>
      response(200).json({
        count: 4,
        next: null,
        previous: "?page=1",
        results: [comment(4, 9, "Later"), comment(5, 7, "Fresh thought")],
      }),
    ),
  );
  session.mockReturnValue({ status: "authenticated", user: me });
  const user = userEvent.setup();
  renderWithIntl(<Comments slug="a" initial={{ ...initial, count: 3, next: "?page=2" }} />);

  await user.type(await screen.findByLabelText("Your comment"), "Fresh thought");
  await user.click(screen.getByRole("button", { name: "Post comment" }));

  expect(await screen.findByRole("status")).toHaveTextContent("load more to reach it at the end");
  expect(screen.getAllByTestId("comment")).toHaveLength(2);
  expect(screen.getByRole("heading", { name: "4 comments" })).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Load more comments" }));

  await waitFor(() => expect(screen.getAllByTestId("comment")).toHaveLength(4));
  expect(screen.getAllByTestId("comment")[3]).toHaveTextContent("Fresh thought");
  expect(screen.queryByRole("status")).not.toBeInTheDocument();
});

test("editing replaces the body with the server's version", async () => {
  session.mockReturnValue({ status: "authenticated", user: me });
  const edits: string[] = [];
  server.use(
    http.patch("/api/v1/comments/{comment_id}/", async ({ params, request, response }) => {
      // PATCH bodies are optional in the schema, and so is their `body`.
      edits.push(`${params.comment_id}: ${(await request.json())?.body ?? ""}`);
      return response(200).json({
        ...comment(1, 7, "Mine, edited"),
        editedAt: "2026-01-03T10:00:00Z",
      });
    }),
  );
  const user = userEvent.setup();
  renderWithIntl(<Comments slug="a" initial={initial} />);

  await user.click(await screen.findByRole("button", { name: "Edit" }));
  const mine = screen.getAllByTestId("comment")[0]!;
  const editor = await within(mine).findByLabelText("Your comment");
  await user.clear(editor);
  await user.type(editor, "Mine, edited");
  await user.click(within(mine).getByRole("button", { name: "Save" }));

  await waitFor(() => expect(mine).toHaveTextContent("Mine, edited"));
  expect(mine).toHaveTextContent("edited");
  expect(edits).toEqual(["1: Mine, edited"]);
});

test("deleting after confirming in the dialog removes the comment", async () => {
  const deleted: string[] = [];
  server.use(
    http.delete("/api/v1/comments/{comment_id}/", ({ params, response }) => {
      deleted.push(params.comment_id);
      return response(204).empty();
    }),
  );
  const user = userEvent.setup();
  await renderAsMe();

  await user.click(screen.getByRole("button", { name: "Delete" }));
  const dialog = screen.getByRole("alertdialog", { name: "Delete this comment?" });
  expect(dialog).toHaveAccessibleDescription(/cannot be undone/);
  await user.click(within(dialog).getByRole("button", { name: "Delete comment" }));

  await waitFor(() => expect(screen.getAllByTestId("comment")).toHaveLength(1));
  expect(deleted).toEqual(["1"]);
  expect(screen.getByRole("heading", { name: "1 comment" })).toBeInTheDocument();
});

test("a comment the backend refuses keeps the text and says why in the form", async () => {
  server.use(
    http.post("/api/v1/articles/{slug}/comments/", () =>
      problem(403, "email_not_verified", { detail: "Verify your email first." }),
    ),
  );
  const user = userEvent.setup();
  const form = await renderAsMe();

  await user.type(form, "Too early");
  await user.click(screen.getByRole("button", { name: "Post comment" }));

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Please confirm your email address first.",
  );
  expect(screen.getByLabelText("Your comment")).toHaveValue("Too early");
  expect(screen.getAllByTestId("comment")).toHaveLength(2);
  expect(screen.getByRole("heading", { name: "2 comments" })).toBeInTheDocument();
});

test("loading more appends the next page and skips comments already shown", async () => {
  session.mockReturnValue({ status: "anonymous", user: null });
  const pages: string[] = [];
  server.use(
    http.get("/api/v1/articles/{slug}/comments/", ({ query, response }) => {
      pages.push(query.get("page") ?? "");
      return response(200).json({
        count: 3,
        next: null,
        previous: "/api/v1/articles/a/comments/?page=1",
        // Comment 2 moved to page 2 because one was posted meanwhile.
        results: [comment(2, 8, "Someone else's"), comment(4, 9, "Older")],
      });
    }),
  );
  const user = userEvent.setup();
  renderWithIntl(<Comments slug="a" initial={{ ...initial, count: 3, next: "?page=2" }} />);
  // The login link comes with the interactive version.
  await screen.findByRole("link", { name: "Log in to join the discussion" });

  await user.click(screen.getByRole("button", { name: "Load more comments" }));

  await waitFor(() => expect(screen.getAllByTestId("comment")).toHaveLength(3));
  expect(screen.getAllByTestId("comment")[2]).toHaveTextContent("Older");
  expect(pages).toEqual(["2"]);
  expect(screen.queryByRole("button", { name: "Load more comments" })).not.toBeInTheDocument();
});

test("the comment box counts characters and names the limit when it is passed", async () => {
  const user = userEvent.setup();
  const form = await renderAsMe();
  expect(form).toHaveAccessibleDescription("0 characters of 5,000");

  await user.click(form);
  await user.paste("x".repeat(5001));
  expect(form).toHaveAccessibleDescription("5,001 characters of 5,000");
  await user.click(screen.getByRole("button", { name: "Post comment" }));

  expect(form).toHaveAccessibleDescription(
    "5,001 characters of 5,000 Use at most 5,000 characters.",
  );
});
