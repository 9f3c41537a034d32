"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import type { Comment } from "@/lib/api/types";
import { formatDate } from "@/lib/format";

/**
 * The comments section as it looks, without data fetching: rendered from the server's first
 * page until the interactive version (live-comments.tsx) has loaded, and by that version after.
 */
export function CommentList({
  count,
  comments,
  error = null,
  notice = null,
  compose = null,
  renderBody = (comment) => <p className="mt-2 whitespace-pre-line">{comment.body}</p>,
  renderActions = () => null,
  hasMore,
  onLoadMore,
  loadingMore = false,
}: {
  count: number;
  comments: readonly Comment[];
  error?: string | null;
  /** A status line under the form, e.g. where a just-posted comment went. */
  notice?: string | null;
  /** Above the list: the form for a signed-in reader, the login link for a visitor. */
  compose?: ReactNode;
  /** A comment's body, or the form that edits it. */
  renderBody?: (comment: Comment) => ReactNode;
  /** Edit and delete, for the comment's author. */
  renderActions?: (comment: Comment) => ReactNode;
  hasMore: boolean;
  /** Absent until the interactive version has loaded: the button shows but does nothing yet. */
  onLoadMore?: () => void;
  loadingMore?: boolean;
}) {
  const t = useTranslations("comments");
  const locale = useLocale();
  return (
    <section
      aria-labelledby="comments-heading"
      className="space-y-6 border-t border-zinc-200 pt-8 dark:border-zinc-800"
    >
      <h2 id="comments-heading" className="text-2xl font-semibold">
        {t("heading", { count })}
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {compose}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {comments.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {comments.map((comment) => (
            <li
              key={comment.id}
              className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
              data-testid="comment"
            >
              <p className="flex flex-wrap items-center gap-x-1 text-sm text-zinc-600 dark:text-zinc-400">
                <Avatar name={comment.author.name} src={comment.author.avatarThumbnailUrl} />
                <span className="ml-1 font-medium text-zinc-900 dark:text-zinc-100">
                  {comment.author.name}
                </span>
                {" · "}
                {formatDate(comment.createdAt, locale)}
                {comment.editedAt ? ` · ${t("edited")}` : null}
              </p>
              {renderBody(comment)}
              {renderActions(comment)}
            </li>
          ))}
        </ul>
      )}
      {hasMore ? (
        <Button variant="secondary" onClick={onLoadMore} disabled={loadingMore}>
          {t("loadMore")}
        </Button>
      ) : null}
    </section>
  );
}
