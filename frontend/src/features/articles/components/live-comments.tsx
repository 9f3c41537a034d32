"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useConfirm } from "@/components/ui/confirm-dialog";
import { useSession } from "@/features/auth/session";
import { Link, usePathname } from "@/i18n/navigation";
import { toApiError } from "@/lib/api/errors";
import type { CommentPage } from "@/lib/api/types";
import { QueryProvider } from "@/lib/query-provider";
import { useTranslateError } from "@/lib/use-translate-error";

import { useComments, useCreateComment, useDeleteComment, useUpdateComment } from "../hooks";
import { CommentList } from "./comment-list";

// The form brings react-hook-form and zod (~40 kB gzip); readers who only read never need it.
const CommentForm = dynamic(() => import("./comment-form").then((module) => module.CommentForm));

/** The comments section with its server state in TanStack Query; see comments.tsx. */
export function LiveComments(props: { slug: string; initial: CommentPage }) {
  return (
    <QueryProvider>
      <Discussion {...props} />
    </QueryProvider>
  );
}

/** Writing, editing, deleting and loading more. Only the author sees edit and delete (the backend enforces it as well). */
function Discussion({ slug, initial }: { slug: string; initial: CommentPage }) {
  const t = useTranslations("comments");
  const pathname = usePathname();
  const translate = useTranslateError();
  const session = useSession();
  const [editing, setEditing] = useState<number | null>(null);
  const [postedBeyond, setPostedBeyond] = useState(false);
  const me = session.status === "authenticated" ? session.user : null;
  const list = useComments(slug, initial);
  const create = useCreateComment(slug);
  const update = useUpdateComment(slug);
  const remove = useDeleteComment(slug);
  const { confirm, dialog } = useConfirm();

  // Form submissions show their errors in the form (mutateAsync rethrows); these go on top.
  const failure = list.error ?? remove.error;
  const error = failure ? toApiError(failure) : null;

  const onUpdate = async (id: number, body: string) => {
    await update.mutateAsync({ id, body });
    setEditing(null);
  };

  const onDelete = async (id: number) => {
    const yes = await confirm({
      title: t("confirmDelete"),
      description: t("confirmDeleteBody"),
      confirmLabel: t("deleteComment"),
    });
    if (yes) remove.mutate(id);
  };

  return (
    <>
      {dialog}
      <CommentList
        count={list.data.count}
        comments={list.data.comments}
        error={error ? translate(error.code, error.detail, error.retryAfter) : null}
        notice={postedBeyond && list.hasNextPage ? t("postedAtEnd") : null}
        compose={
          me ? (
            <CommentForm
              submitLabel={t("post")}
              onSave={async (body) => {
                await create.mutateAsync(body);
                // Not shown yet: it is last, after pages not loaded (see useCreateComment).
                setPostedBeyond(list.hasNextPage);
              }}
            />
          ) : session.status === "anonymous" ? (
            <p>
              <Link href={`/login?next=${encodeURIComponent(pathname)}`} className="link">
                {t("loginToComment")}
              </Link>
            </p>
          ) : null
        }
        renderBody={(comment) =>
          editing === comment.id ? (
            <CommentForm
              initialBody={comment.body}
              submitLabel={t("save")}
              onSave={(body) => onUpdate(comment.id, body)}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <p className="mt-2 whitespace-pre-line">{comment.body}</p>
          )
        }
        renderActions={(comment) =>
          me?.id === comment.author.id && editing !== comment.id ? (
            <div className="mt-2 flex gap-3 text-sm">
              <button type="button" className="link" onClick={() => setEditing(comment.id)}>
                {t("edit")}
              </button>
              <button type="button" className="link" onClick={() => void onDelete(comment.id)}>
                {t("delete")}
              </button>
            </div>
          ) : null
        }
        hasMore={list.hasNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        loadingMore={list.isFetchingNextPage}
      />
    </>
  );
}
