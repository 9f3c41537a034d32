import type {
  IsOperationRequestBodyOptional,
  OperationRequestBodyContent,
  PathsWithMethod,
  RequiredKeysOf,
  SuccessResponseJSON,
} from "openapi-typescript-helpers";

import type { paths } from "./schema.gen";

/**
 * Types that tie a call of `apiClient` (client.ts) to backend/openapi.yaml: the path picks the
 * operation, and the operation gives the parameters, the body and the response. Nothing here
 * names a request or response shape; the helpers come from openapi-typescript's authors, the
 * same ones openapi-fetch uses.
 */
export type Method = "get" | "post" | "put" | "patch" | "delete";

/** Every path of the schema that has `method`, e.g. "/api/v1/articles/{slug}/" for "get". */
export type PathWith<M extends Method> = PathsWithMethod<paths, M>;

export type Operation<P extends keyof paths, M extends Method> = paths[P][M & keyof paths[P]];

type ParamsOption<Op> = Op extends { parameters: infer Params }
  ? RequiredKeysOf<Params> extends never
    ? { params?: Params }
    : { params: Params }
  : { params?: never };

type BodyOption<Op> =
  OperationRequestBodyContent<Op> extends never
    ? { body?: never }
    : IsOperationRequestBodyOptional<Op> extends true
      ? { body?: OperationRequestBodyContent<Op> }
      : { body: OperationRequestBodyContent<Op> };

/** The Axios options a feature may set per call; everything else is the instance's business. */
export type CallOptions = {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Do not try a token refresh when this request answers 401 (login, refresh, logout). */
  skipAuthRefresh?: boolean;
  /**
   * 0: a redirect rejects as the ApiError it is (its problem document read) instead of being
   * followed. Server side only: browsers always follow.
   */
  maxRedirects?: number;
};

export type Init<Op> = ParamsOption<Op> & BodyOption<Op> & CallOptions;

/** The init argument is required only when the operation has required parameters or a body. */
export type InitArg<Op> =
  RequiredKeysOf<Init<Op>> extends never ? [init?: Init<Op>] : [init: Init<Op>];

/** The 2xx JSON body; `undefined` for 204 No Content. */
export type Data<Op> = SuccessResponseJSON<Op & Record<string | number, unknown>>;
