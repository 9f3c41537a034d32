"use client";

import { useEffect, useState } from "react";

import type { CommentPage } from "@/lib/api/types";

import { CommentList } from "./comment-list";

type Live = typeof import("./live-comments").LiveComments;

/**
 * An article's comments. The first page arrives server-rendered and shows at once; the
 * interactive version (live-comments.tsx: TanStack Query and the API client, ~25 kB gzip) loads
 * after hydration and takes over with the same markup, so it stays out of the article's first
 * load (see "Bundle budget" in docs/frontend.md).
 */
export function Comments({ slug, initial }: { slug: string; initial: CommentPage }) {
  const [LiveComments, setLiveComments] = useState<Live | null>(null);

  useEffect(() => {
    void import("./live-comments").then((module) => setLiveComments(() => module.LiveComments));
  }, []);

  if (LiveComments) return <LiveComments slug={slug} initial={initial} />;
  return (
    <CommentList count={initial.count} comments={initial.results} hasMore={Boolean(initial.next)} />
  );
}
