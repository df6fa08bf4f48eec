import { errors } from 'jose';
import type { OidcFailure } from '@flywheel/access';

/** Why a presented JWT was refused: the claim checks of `@flywheel/access` plus the token's form and signature. */
export type OidcTokenFailure = OidcFailure | 'malformed' | 'algorithm' | 'unknown_key' | 'signature';

export interface OidcTokenRejection {
  ok: false;
  reason: OidcTokenFailure;
  message: string;
}

/**
 * The identity provider's key set could not be fetched or read. Not the caller's fault, so it
 * is thrown (an internal error on the route) rather than reported as a bad token.
 */
export class OidcKeySetUnavailableError extends Error {
  override readonly name = 'OidcKeySetUnavailableError';

  constructor(jwksUrl: string, cause: unknown) {
    super(`cannot read the OIDC key set from ${jwksUrl}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/**
 * Maps a `jose` verification error to a rejection with a precise message, or undefined when
 * the error is not about the token (the key set could not be read).
 */
export function rejectionOf(error: unknown, expected: { issuer: string; algorithms: readonly string[] }): OidcTokenRejection | undefined {
  if (error instanceof errors.JWTExpired) {
    return reject('expired', `token expired (exp ${timeOf(error.payload.exp)})`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) return claimRejection(error, expected.issuer);
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return reject('algorithm', `token algorithm is not accepted; expected one of ${expected.algorithms.join(', ')}`);
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return reject('unknown_key', 'no single key of the identity provider matches the token (kid, alg)');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return reject('signature', 'token signature does not verify with the identity provider key');
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return reject('malformed', `token is not a valid signed JWT: ${error.message}`);
  }
  return undefined;
}

function claimRejection(error: errors.JWTClaimValidationFailed, issuer: string): OidcTokenRejection {
  switch (error.claim) {
    case 'iss':
      return reject('invalid_issuer', `token issuer is not ${issuer}`);
    case 'aud':
      return reject('invalid_audience', 'token audience does not name this service');
    case 'nbf':
      return reject('not_yet_valid', `token is not valid before ${timeOf(error.payload.nbf)}`);
    default:
      return reject('malformed', `token claim ${error.claim} is invalid: ${error.message}`);
  }
}

function timeOf(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString()
    : String(seconds);
}

function reject(reason: OidcTokenFailure, message: string): OidcTokenRejection {
  return { ok: false, reason, message };
}
