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

// The form brings react-hook-form and zod (~40 kB gzip) and the API calls bring Axios; readers
// who only read never need them, so both load on demand and stay out of the article's first load.
const CommentForm = dynamic(() => import("./comment-form").then((module) => module.CommentForm));
const loadApi = () => import("../api");

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
  const [comments, setComments] = useState(initial.results);
  const [count, setCount] = useState(initial.count);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(Boolean(initial.next));
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const me = session.status === "authenticated" ? session.user : null;

  const report = (caught: unknown) => {
    const apiError = toApiError(caught);
    setError(translate(apiError.code, apiError.detail));
  };

  const loadMore = async () => {
    setError(null);
    try {
      const next = await (await loadApi()).listComments(slug, page + 1);
      // A comment posted meanwhile can shift pages; skip ids already shown.
      setComments((current) => [
        ...current,
        ...next.results.filter((c) => !current.some((known) => known.id === c.id)),
      ]);
      setPage(page + 1);
      setHasMore(Boolean(next.next));
    } catch (caught) {
      report(caught);
    }
  };

  const onCreate = async (body: string) => {
    const created = await (await loadApi()).createComment(slug, body);
    setComments((current) => [created, ...current]);
    setCount((n) => n + 1);
  };

  const onUpdate = async (id: number, body: string) => {
    const updated = await (await loadApi()).updateComment(id, body);
    setComments((current) => current.map((c) => (c.id === id ? updated : c)));
    setEditing(null);
  };

  const onDelete = async (id: number) => {
    if (!window.confirm(t("confirmDelete"))) return;
    setError(null);
    try {
      await (await loadApi()).deleteComment(id);
      setComments((current) => current.filter((c) => c.id !== id));
      setCount((n) => n - 1);
    } catch (caught) {
      report(caught);
    }
  };

  return (
    <section
      aria-labelledby="comments-heading"
      className="space-y-6 border-t border-zinc-200 pt-8 dark:border-zinc-800"
    >
      <h2 id="comments-heading" className="text-2xl font-semibold">
        {t("heading", { count })}
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
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
      {hasMore ? (
        <Button variant="secondary" onClick={loadMore}>
          {t("loadMore")}
        </Button>
      ) : null}
    </section>
  );
}
