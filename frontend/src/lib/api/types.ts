import type { components } from "./schema.gen";

/**
 * Names for the generated OpenAPI schemas the features share. Generated from
 * backend/openapi.yaml (`npm run gen:api`); never write these shapes by hand.
 */
type Schemas = components["schemas"];

export type User = Schemas["User"];
export type Image = Schemas["Avatar"];
export type Problem = Schemas["Problem"];
export type ProblemFieldError = Schemas["ProblemFieldError"];
export type LoginResult = Schemas["Login"];
export type RegisterInput = Schemas["RegisterInputRequest"];

/** The backend's page envelope for `?page=N&pageSize=M` (docs/api.md). */
export type Paginated<T> = {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
};
