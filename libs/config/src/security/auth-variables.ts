import { z } from 'zod';
import { choiceVariable, urlVariable } from '../variables';

/** Shortest `FLYWHEEL_AUTH_PEPPER` accepted; equals `MIN_PEPPER_LENGTH` of `@flywheel/identity`. */
export const MIN_AUTH_PEPPER_LENGTH = 16;

export const DEFAULT_OIDC_ROLE_CLAIM = 'flywheel_role';

// RFC 6750 token68: what an `authorization: Bearer` header can carry.
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Authentication: API keys, optional OIDC, and the key this process presents to others. */
export const authVariables = {
  FLYWHEEL_AUTH: choiceVariable(['on', 'off'], 'off').describe(
    'on: every gRPC method and HTTP route needs an API key or OIDC token (default off: loopback only)',
  ),
  FLYWHEEL_AUTH_PEPPER: z
    .string()
    .optional()
    .refine((pepper) => pepper === undefined || pepper.length >= MIN_AUTH_PEPPER_LENGTH, {
      message: `must be a secret of at least ${MIN_AUTH_PEPPER_LENGTH} characters`,
    })
    .describe(
      `server secret mixed into API key digests, at least ${MIN_AUTH_PEPPER_LENGTH} characters; required when FLYWHEEL_AUTH=on`,
    ),
  FLYWHEEL_SERVICE_API_KEY: z
    .string()
    .optional()
    .refine((key) => key === undefined || BEARER_TOKEN.test(key), {
      message: 'must be an API key (letters, digits and -._~+/ only)',
    })
    .describe('API key this process presents on its own calls to other Flywheel services'),
  FLYWHEEL_OIDC_ISSUER: urlVariable(['https', 'http']).describe(
    'OIDC issuer (the iss claim) whose JWTs are accepted; set with FLYWHEEL_OIDC_JWKS_URL and _AUDIENCE',
  ),
  FLYWHEEL_OIDC_JWKS_URL: urlVariable(['https', 'http']).describe(
    "URL of the OIDC issuer's signing keys (JWKS): https, or http on loopback",
  ),
  FLYWHEEL_OIDC_AUDIENCE: z.string().optional().describe('audience (aud) the OIDC tokens must name'),
  FLYWHEEL_OIDC_ROLE_CLAIM: z
    .string()
    .optional()
    .transform((claim) => claim ?? DEFAULT_OIDC_ROLE_CLAIM)
    .describe(
      `claim (a dotted path such as realm_access.roles) holding Flywheel roles (default ${DEFAULT_OIDC_ROLE_CLAIM})`,
    ),
};

export type AuthVariables = z.output<z.ZodObject<typeof authVariables>>;

/** Where an OIDC identity provider's tokens are verified (`OidcAuthenticator` of `@flywheel/identity`). */
export interface OidcConfig {
  issuer: string;
  jwksUrl: string;
  audience: string;
  roleClaim: string;
}

export interface AuthConfig {
  /** `FLYWHEEL_AUTH=on`. Off: every declared route runs as the unauthenticated admin. */
  enabled: boolean;
  /** `FLYWHEEL_AUTH_PEPPER`; always set when `enabled`. */
  pepper?: string;
  oidc?: OidcConfig;
  /** `FLYWHEEL_SERVICE_API_KEY`: sent as `authorization: Bearer …` on service-to-service calls. */
  serviceKey?: string;
}

const OIDC_VARIABLES = ['FLYWHEEL_OIDC_ISSUER', 'FLYWHEEL_OIDC_JWKS_URL', 'FLYWHEEL_OIDC_AUDIENCE'] as const;

/** Cross-variable rules: a pepper when authentication is on, the OIDC trio together. */
export function checkAuthVariables(v: AuthVariables, ctx: z.RefinementCtx): void {
  if (v.FLYWHEEL_AUTH === 'on' && v.FLYWHEEL_AUTH_PEPPER === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['FLYWHEEL_AUTH_PEPPER'],
      message: 'is required when FLYWHEEL_AUTH=on (or set FLYWHEEL_AUTH_PEPPER_FILE)',
    });
  }
  const set = OIDC_VARIABLES.filter((name) => v[name] !== undefined);
  if (set.length > 0 && set.length < OIDC_VARIABLES.length) {
    for (const name of OIDC_VARIABLES.filter((candidate) => !set.includes(candidate))) {
      ctx.addIssue({ code: 'custom', path: [name], message: `is required when ${set.join(' and ')} is set` });
    }
  }
  const jwks = v.FLYWHEEL_OIDC_JWKS_URL;
  if (typeof jwks === 'string' && new URL(jwks).protocol === 'http:' && !isLoopbackUrl(jwks)) {
    ctx.addIssue({
      code: 'custom',
      path: ['FLYWHEEL_OIDC_JWKS_URL'],
      message: 'must be https (plain http is accepted on loopback only)',
    });
  }
}

export function authConfigOf(v: AuthVariables): AuthConfig {
  const {
    FLYWHEEL_OIDC_ISSUER: issuer,
    FLYWHEEL_OIDC_JWKS_URL: jwksUrl,
    FLYWHEEL_OIDC_AUDIENCE: audience,
  } = v;
  return {
    enabled: v.FLYWHEEL_AUTH === 'on',
    ...(v.FLYWHEEL_AUTH_PEPPER !== undefined && { pepper: v.FLYWHEEL_AUTH_PEPPER }),
    ...(issuer &&
      jwksUrl &&
      audience && { oidc: { issuer, jwksUrl, audience, roleClaim: v.FLYWHEEL_OIDC_ROLE_CLAIM } }),
    ...(v.FLYWHEEL_SERVICE_API_KEY !== undefined && { serviceKey: v.FLYWHEEL_SERVICE_API_KEY }),
  };
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
