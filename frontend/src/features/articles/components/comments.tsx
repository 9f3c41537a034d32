"use client";

import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useSession } from "@/features/auth/session";
import { Link, usePathname } from "@/i18n/navigation";
import { toApiError } from "@/lib/api/errors";
import type { CommentPage } from "@/lib/api/types";
import { formatDate } from "@/lib/format";
import { useTranslateError } from "@/lib/use-translate-error";

import { useComments, useCreateComment, useDeleteComment, useUpdateComment } from "../hooks";

// The form brings react-hook-form and zod (~40 kB gzip); readers who only read never need it,
// so it loads on demand and stays out of the article's first load (as Axios does, see hooks.ts).
const CommentForm = dynamic(() => import("./comment-form").then((module) => module.CommentForm));

/**
 * The first page of comments arrives server-rendered; writing, editing, deleting and loading
 * more happen here. Only the author sees edit and delete (the backend enforces it as well).
 */
export function Comments({ slug, initial }: { slug: string; initial: CommentPage }) {
  const t = useTranslations("comments");
  const locale = useLocale();
  const pathname = usePathname();
  const translate = useTranslateError();
  const session = useSession();
  const [editing, setEditing] = useState<number | null>(null);
  const me = session.status === "authenticated" ? session.user : null;
  const list = useComments(slug, initial);
  const create = useCreateComment(slug);
  const update = useUpdateComment(slug);
  const remove = useDeleteComment(slug);
  const { comments, count } = list.data;

  // Form submissions show their errors in the form (mutateAsync rethrows); these go on top.
  const failure = list.error ?? remove.error;
  const error = failure ? toApiError(failure) : null;

  const onCreate = async (body: string) => {
    await create.mutateAsync(body);
  };

  const onUpdate = async (id: number, body: string) => {
    await update.mutateAsync({ id, body });
    setEditing(null);
  };

  const onDelete = (id: number) => {
    if (window.confirm(t("confirmDelete"))) remove.mutate(id);
  };

  return (
    <section
      aria-labelledby="comments-heading"
      className="space-y-6 border-t border-zinc-200 pt-8 dark:border-zinc-800"
    >
      <h2 id="comments-heading" className="text-2xl font-semibold">
        {t("heading", { count })}
      </h2>
      {error ? <Alert tone="error">{translate(error.code, error.detail)}</Alert> : null}
      {me ? (
        <CommentForm submitLabel={t("post")} onSave={onCreate} />
      ) : session.status === "anonymous" ? (
        <p>
          <Link href={`/login?next=${encodeURIComponent(pathname)}`} className="link">
            {t("loginToComment")}
          </Link>
        </p>
      ) : null}
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
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                <span className="font-medium text-zinc-900 dark:text-zinc-100">
                  {comment.author.name}
                </span>
                {" · "}
                {formatDate(comment.createdAt, locale)}
                {comment.editedAt ? ` · ${t("edited")}` : null}
              </p>
              {editing === comment.id ? (
                <CommentForm
                  initialBody={comment.body}
                  submitLabel={t("save")}
                  onSave={(body) => onUpdate(comment.id, body)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <p className="mt-2 whitespace-pre-line">{comment.body}</p>
              )}
              {me?.id === comment.author.id && editing !== comment.id ? (
                <div className="mt-2 flex gap-3 text-sm">
                  <button type="button" className="link" onClick={() => setEditing(comment.id)}>
                    {t("edit")}
                  </button>
                  <button type="button" className="link" onClick={() => onDelete(comment.id)}>
                    {t("delete")}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {t("loadMore")}
        </Button>
      ) : null}
    </section>
  );
}
