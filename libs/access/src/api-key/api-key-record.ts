import type { Role } from '../roles';
import { generateApiKeySalt, hashApiKeySecret } from './api-key-hash';
import { type RandomBytes, generateApiKey } from './api-key-token';

/** What the key store keeps: never the secret, only its salted, peppered digest. */
export interface ApiKeyRecord {
  id: string;
  hash: string;
  salt: string;
  role: Role;
  name: string;
  createdAt: Date;
  expiresAt?: Date;
  revokedAt?: Date;
}

export interface IssueApiKeyInput {
  name: string;
  role: Role;
  now: Date;
  /** Lifetime in milliseconds (see `parseDuration`); omitted: the key does not expire. */
  expiresInMs?: number;
  pepper?: string;
  random?: RandomBytes;
}

/** Creates a key: the token to show once and the record to store. */
export function issueApiKey(input: IssueApiKeyInput): { token: string; record: ApiKeyRecord } {
  const key = generateApiKey(input.random);
  const salt = generateApiKeySalt(input.random);
  const record: ApiKeyRecord = {
    id: key.id,
    hash: hashApiKeySecret(key.secret, salt, input.pepper),
    salt,
    role: input.role,
    name: input.name,
    createdAt: input.now,
    ...(input.expiresInMs === undefined
      ? {}
      : { expiresAt: new Date(input.now.getTime() + input.expiresInMs) }),
  };
  return { token: key.token, record };
}
