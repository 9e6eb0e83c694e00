/** The sign-in configuration of this process (reads process.env once per call; cheap). Server only. */
import {
  readOAuthConfig,
  signInAvailability,
  type OAuthConfigResult,
  type SignInAvailability,
} from "./oauth-config";

export function serverOAuthConfig(): OAuthConfigResult {
  return readOAuthConfig(process.env);
}

export function serverSignInAvailability(): SignInAvailability {
  return signInAvailability(serverOAuthConfig());
}
