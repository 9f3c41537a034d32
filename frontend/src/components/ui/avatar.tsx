"use client";

import { useState } from "react";

const SIZES = { sm: "h-6 w-6 text-[0.625rem]", md: "h-8 w-8 text-xs" } as const;

/** Up to two letters of a name ("Ada Lovelace" -> "AL", "ada@example.com" -> "A", "User 12" -> "U"). */
export function initialsOf(name: string): string {
  const parts = name
    .replace(/@.*$/, "")
    .split(/[\s._-]+/u)
    .filter(Boolean);
  const named = parts.filter((part) => /^\p{L}/u.test(part));
  const words = named.length > 0 ? named : parts;
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return letters.map((word) => Array.from(word!)[0]!.toLocaleUpperCase()).join("");
}

/**
 * A person's picture beside their name: the thumbnail, loaded lazily (a long comment thread
 * fetches only the pictures scrolled into view), or their initials when there is none or it
 * fails to load. Decorative: the name is always next to it, so screen readers skip it.
 */
export function Avatar({
  name,
  src,
  size = "sm",
}: {
  name: string;
  src: string | null | undefined;
  size?: keyof typeof SIZES;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const box = `inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full align-middle ${SIZES[size]}`;
  if (src && failed !== src) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- thumbnails come from the media storage (S3 or the backend), which next/image's optimiser is not set up for; see the article card
      <img
        src={src}
        alt=""
        loading="lazy"
        decoding="async"
        className={`${box} object-cover`}
        onError={() => setFailed(src)}
        data-testid="avatar-thumbnail"
      />
    );
  }
  return (
    <span
      aria-hidden
      className={`${box} bg-zinc-200 font-semibold text-zinc-700 dark:bg-zinc-700 dark:text-zinc-100`}
      data-testid="avatar-initials"
    >
      {initialsOf(name)}
    </span>
  );
}
