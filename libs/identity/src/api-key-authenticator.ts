import {
  type ApiKeyFailure,
  type ApiKeyRecord,
  type ApiKeyVerification,
  parseApiKeyToken,
  verifyApiKey,
} from '@flywheel/access';
import { assertPepper } from './pepper';
import { RecordCache } from './record-cache';

/** Where verification records come from: `ApiKeyRepository` in production. */
export interface ApiKeyRecordSource {
  findRecord(id: string): Promise<ApiKeyRecord | undefined>;
  touchLastUsed(id: string, at: Date): Promise<void>;
}

export interface ApiKeyAuthenticatorOptions {
  /** `FLYWHEEL_AUTH_PEPPER`: must equal the pepper the keys were issued with. */
  pepper: string;
  /** How long a looked-up key record is reused; revocation takes effect within it (default 5 s). */
  cacheTtlMs?: number;
  /** Most key records cached at once (default 10 000). */
  maxCachedKeys?: number;
  now?: () => Date;
  /** Told when recording `last_used_at` fails; authentication is not failed for it. */
  onTouchError?: (error: unknown) => void;
}

export const DEFAULT_KEY_CACHE_TTL_MS = 5_000;

export type { ApiKeyFailure, ApiKeyVerification };

/**
 * Turns a bearer token into a verified principal. Records (not verdicts) are cached, so the
 * HMAC, expiry and revocation checks run on every request against the current clock; only
 * the database read is saved. Unknown ids are cached too, so random tokens cannot turn into
 * one query each.
 */
export class ApiKeyAuthenticator {
  private readonly pepper: string;
  private readonly cache: RecordCache<ApiKeyRecord | undefined>;
  private readonly now: () => Date;

  constructor(
    private readonly source: ApiKeyRecordSource,
    private readonly options: ApiKeyAuthenticatorOptions,
  ) {
    this.pepper = assertPepper(options.pepper);
    this.now = options.now ?? (() => new Date());
    const ttl = options.cacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS;
    if (!Number.isFinite(ttl) || ttl < 0)
      throw new Error(`cacheTtlMs must be a non-negative number, got ${ttl}`);
    this.cache = new RecordCache(ttl, options.maxCachedKeys ?? 10_000, () => this.now().getTime());
  }

  async authenticate(token: string): Promise<ApiKeyVerification> {
    const parsed = parseApiKeyToken(token);
    if (!parsed) return verifyApiKey(token, undefined, this.now(), this.pepper);
    const lookup = this.cache.get(parsed.id, () => this.source.findRecord(parsed.id));
    const verification = verifyApiKey(token, await lookup.value, this.now(), this.pepper);
    // One write per key per cache period keeps last_used_at useful without a write per request.
    if (verification.ok && !lookup.cached) await this.touch(parsed.id);
    return verification;
  }

  /** Drops a key from this process's cache immediately (other replicas wait for the TTL). */
  forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  private async touch(id: string): Promise<void> {
    try {
      await this.source.touchLastUsed(id, this.now());
    } catch (error) {
      this.options.onTouchError?.(error);
    }
  }
}
