import type { ErrorDetails } from "../store/types";

export interface PublishFailure {
  error: string;
  details: ErrorDetails;
}

function failure(
  error: string,
  code: string,
  message: string,
  note: string | null,
): PublishFailure {
  return {
    error,
    details: {
      platform_error_code: code,
      platform_error_subcode: null,
      platform_error_message: message,
      postproxy_note: note,
    },
  };
}

/** Texts modelled on TikTok's Content Posting API errors. */
export const PUBLISH_ERRORS = {
  unaudited: failure(
    "unaudited_client_can_only_post_to_private_accounts: Please review our integration guidelines at https://developers.tiktok.com/doc/content-sharing-guidelines/",
    "unaudited_client_can_only_post_to_private_accounts",
    "Please review our integration guidelines at https://developers.tiktok.com/doc/content-sharing-guidelines/",
    "This TikTok app is not audited, so TikTok only accepts privacy_status SELF_ONLY.",
  ),
  expired: failure(
    "access_token_invalid: The access token is invalid or not found in the request.",
    "access_token_invalid",
    "The access token is invalid or not found in the request.",
    "The profile's connection has expired; reconnect it and publish again.",
  ),
  disconnected: failure(
    "The profile was disconnected before the post was published.",
    "profile_disconnected",
    "The profile is no longer connected.",
    "Connect the profile again and publish again.",
  ),
  brandedPrivate: failure(
    "invalid_params: Branded content visibility cannot be set to private.",
    "invalid_params",
    "Branded content visibility cannot be set to private.",
    null,
  ),
  rateLimited: failure(
    "rate_limit_exceeded: The API rate limit was exceeded. Please try again later.",
    "rate_limit_exceeded",
    "The API rate limit was exceeded. Please try again later.",
    "Postproxy retries this automatically.",
  ),
} as const;
