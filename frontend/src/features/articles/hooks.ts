import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from "@tanstack/react-query";

import type { Comment, CommentPage } from "@/lib/api/types";

// The calls bring Axios, which loads on the first request: the first page of comments arrives
// server-rendered, and readers who only read need no other.
const loadApi = () => import("./api");

type Pages = InfiniteData<CommentPage, number>;

const commentsKey = (slug: string) => ["articles", slug, "comments"] as const;

/** The article's comments, page by page, starting from the server-rendered first page. */
export function useComments(slug: string, initial: CommentPage) {
  return useInfiniteQuery({
    queryKey: commentsKey(slug),
    queryFn: async ({ pageParam }) => (await loadApi()).listComments(slug, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last, _pages, lastPage) => (last.next ? lastPage + 1 : undefined),
    initialData: { pages: [initial], pageParams: [1] },
    // A comment posted meanwhile can shift pages; an id already shown is skipped.
    select: (data) => ({
      count: data.pages[0]?.count ?? 0,
      comments: data.pages
        .flatMap((page) => page.results)
        .filter((comment, index, all) => all.findIndex((c) => c.id === comment.id) === index),
    }),
  });
}

/** Writes into the cached pages the server's answer, so the list updates without a refetch. */
function useEditPages(slug: string) {
  const queryClient = useQueryClient();
  return (edit: (pages: CommentPage[]) => CommentPage[]) =>
    queryClient.setQueryData<Pages>(commentsKey(slug), (data) =>
      data ? { ...data, pages: edit(data.pages) } : data,
    );
}

const withCount = (pages: CommentPage[], delta: number) =>
  pages.map((page) => ({ ...page, count: page.count + delta }));

export function useCreateComment(slug: string) {
  const editPages = useEditPages(slug);
  return useMutation({
    mutationFn: async (body: string) => (await loadApi()).createComment(slug, body),
    // The API lists comments oldest first, so a new one goes last, where a reload shows it. It
    // joins the cached pages only when they reach the end of the list; otherwise "Load more"
    // brings it in its place.
    onSuccess: (created: Comment) =>
      editPages((pages) =>
        withCount(pages, 1).map((page, index) =>
          index === pages.length - 1 && !page.next
            ? { ...page, results: [...page.results, created] }
            : page,
        ),
      ),
  });
}

export function useUpdateComment(slug: string) {
  const editPages = useEditPages(slug);
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: string }) =>
      (await loadApi()).updateComment(id, body),
    onSuccess: (updated: Comment) =>
      editPages((pages) =>
        pages.map((page) => ({
          ...page,
          results: page.results.map((c) => (c.id === updated.id ? updated : c)),
        })),
      ),
  });
}

export function useDeleteComment(slug: string) {
  const editPages = useEditPages(slug);
  return useMutation({
    mutationFn: async (id: number) => (await loadApi()).deleteComment(id),
    onSuccess: (_, id) =>
      editPages((pages) =>
        withCount(pages, -1).map((page) => ({
          ...page,
          results: page.results.filter((c) => c.id !== id),
        })),
      ),
  });
}
