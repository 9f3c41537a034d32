import { z } from "zod";

/** The backend's limit on a comment (CommentInput.body, max_length=5000). */
export const COMMENT_MAX_LENGTH = 5000;

export const commentSchema = z.object({
  body: z.string().trim().min(1, "required").max(COMMENT_MAX_LENGTH, "tooLong"),
});
