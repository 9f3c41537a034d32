import type { components, operations } from "./schema.gen";

/**
 * Names for the generated OpenAPI schemas that components and tests pass around. Generated
 * from backend/openapi.yaml (`npm run gen:api`); never write these shapes by hand. Calls need
 * none of them: `apiClient` infers bodies and responses from the path.
 */
type Schemas = components["schemas"];

export type User = Schemas["User"];
export type Problem = Schemas["Problem"];
export type ProblemFieldError = Schemas["ProblemFieldError"];
export type LoginResult = Schemas["Login"];
export type RegisterInput = Schemas["RegisterInputRequest"];
export type PasswordResetConfirmInput = Schemas["PasswordResetConfirmInputRequest"];
export type PasswordChangeInput = Schemas["PasswordChangeInputRequest"];
export type ProfileInput = Schemas["PatchedUserUpdateInputRequest"];
export type EmailChangeInput = Schemas["EmailChangeInputRequest"];
export type Language = User["language"];
// [copier] if social
export type SocialProvider = Schemas["SocialProviderOutput"];
export type SocialAccount = Schemas["SocialAccountOutput"];
// [copier] end
export type MfaChallenge = Schemas["MfaChallenge"];
export type MfaStatus = Schemas["MfaStatus"];
export type TotpSetup = Schemas["TotpSetup"];
export type Passkey = Schemas["Passkey"];
export type UserSession = Schemas["SessionOutput"];

export type Tag = Schemas["Tag"];
export type ArticleSummary = Schemas["ArticleListItem"];
export type Article = Schemas["ArticleDetail"];
export type ArticlePage = Schemas["PaginatedArticleListItemList"];
export type ArticleListQuery = NonNullable<operations["articles_list"]["parameters"]["query"]>;
export type Comment = Schemas["Comment"];
export type CommentPage = Schemas["PaginatedCommentList"];

export type UploadTicket = Schemas["UploadStart"];
export type UploadStatus = Schemas["UploadStatus"];
export type DataExport = Schemas["Export"];
