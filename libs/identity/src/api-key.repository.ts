import { type ApiKeyRecord, type Role, issueApiKey } from '@flywheel/access';
import {
  API_KEY_COLUMNS,
  type ApiKeyRow,
  type ApiKeyView,
  apiKeyRecordOf,
  apiKeyViewOf,
} from './api-key-row';
import { assertPepper } from './pepper';
import { IDENTITY_SCHEMA } from './identity-schema';
import { type SqlExecutor, quotedSchema } from './sql-executor';

export interface ApiKeyRepositoryOptions {
  /**
   * Server secret mixed into every digest (`FLYWHEEL_AUTH_PEPPER`); never stored or logged.
   * Only `create` needs it: listing and revoking keys work without it.
   */
  pepper?: string;
  /** Defaults to `identity`; tests pass their own schema. */
  schema?: string;
  now?: () => Date;
}

export interface CreateApiKeyInput {
  name: string;
  role: Role;
  /** Who issued the key (a principal key such as `api_key:abcd…`), kept for the audit trail. */
  createdBy: string;
  /** Lifetime in milliseconds (`parseDuration('90d')`); omitted: the key does not expire. */
  expiresInMs?: number;
}

export interface CreatedApiKey {
  /** The only time the full token exists outside its holder: show it once, never store it. */
  token: string;
  key: ApiKeyView;
}

const MAX_LIST = 1_000;

/** The only place the `api_keys` SQL lives. Every statement is parameterized. */
export class ApiKeyRepository {
  private readonly table: string;
  private readonly pepper: string | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly db: SqlExecutor,
    options: ApiKeyRepositoryOptions,
  ) {
    this.table = `${quotedSchema(options.schema ?? IDENTITY_SCHEMA)}.api_keys`;
    this.pepper = options.pepper === undefined ? undefined : assertPepper(options.pepper);
    this.now = options.now ?? (() => new Date());
  }

  /** Issues and stores a key; pass `tx` to commit it together with its audit entry. */
  async create(input: CreateApiKeyInput, tx: SqlExecutor = this.db): Promise<CreatedApiKey> {
    if (input.name.trim() === '') throw new Error('api key name must not be empty');
    if (this.pepper === undefined) throw new Error('FLYWHEEL_AUTH_PEPPER is required to create API keys');
    const { token, record } = issueApiKey({
      name: input.name,
      role: input.role,
      now: this.now(),
      pepper: this.pepper,
      ...(input.expiresInMs === undefined ? {} : { expiresInMs: input.expiresInMs }),
    });
    const result = await tx.query<ApiKeyRow>(
      `INSERT INTO ${this.table} (id, name, role, hash, salt, created_at, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${API_KEY_COLUMNS}`,
      [
        record.id,
        record.name,
        record.role,
        record.hash,
        record.salt,
        record.createdAt,
        input.createdBy,
        record.expiresAt ?? null,
      ],
    );
    return { token, key: apiKeyViewOf(onlyRow(result.rows, record.id)) };
  }

  async findById(id: string, tx: SqlExecutor = this.db): Promise<ApiKeyView | undefined> {
    const row = await this.findRow(id, tx);
    return row && apiKeyViewOf(row);
  }

  /** The verification record (digest and salt included) for the authenticator. */
  async findRecord(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.findRow(id, this.db);
    return row && apiKeyRecordOf(row);
  }

  /** Newest first; revoked keys are included unless `activeOnly` (not revoked, not expired). */
  async list(options: { activeOnly?: boolean; limit?: number } = {}): Promise<ApiKeyView[]> {
    const limit = Math.min(Math.max(1, Math.floor(options.limit ?? MAX_LIST)), MAX_LIST);
    const result = await this.db.query<ApiKeyRow>(
      `SELECT ${API_KEY_COLUMNS} FROM ${this.table}
       WHERE NOT $1::boolean OR (revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2))
       ORDER BY created_at DESC, id
       LIMIT $3`,
      [options.activeOnly ?? false, this.now(), limit],
    );
    return result.rows.map(apiKeyViewOf);
  }

  /**
   * Revokes a key (idempotent: a second call keeps the first revocation) and returns it, or
   * undefined when no such key exists. Caches of verified keys notice within their TTL.
   */
  async revoke(id: string, revokedBy: string, tx: SqlExecutor = this.db): Promise<ApiKeyView | undefined> {
    const result = await tx.query<ApiKeyRow>(
      `UPDATE ${this.table} SET revoked_at = $2, revoked_by = $3
       WHERE id = $1 AND revoked_at IS NULL
       RETURNING ${API_KEY_COLUMNS}`,
      [id, this.now(), revokedBy],
    );
    const revoked = result.rows[0];
    return revoked ? apiKeyViewOf(revoked) : this.findById(id, tx);
  }

  /** Records a successful use; only moves forward, so concurrent replicas never rewind it. */
  async touchLastUsed(id: string, at: Date = this.now()): Promise<void> {
    await this.db.query(
      `UPDATE ${this.table} SET last_used_at = $2
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)`,
      [id, at],
    );
  }

  private async findRow(id: string, tx: SqlExecutor): Promise<ApiKeyRow | undefined> {
    const result = await tx.query<ApiKeyRow>(`SELECT ${API_KEY_COLUMNS} FROM ${this.table} WHERE id = $1`, [
      id,
    ]);
    return result.rows[0];
  }
}

function onlyRow(rows: ApiKeyRow[], id: string): ApiKeyRow {
  const row = rows[0];
  if (!row) throw new Error(`api key ${id} was not returned by INSERT … RETURNING`);
  return row;
}
