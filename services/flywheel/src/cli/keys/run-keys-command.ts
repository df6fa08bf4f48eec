import type { ApiKeyView } from '@flywheel/identity';
import type { PlatformConfig } from '@flywheel/config';
import { UsageError } from '../usage-error';
import { openKeysStore, type KeysStore } from './keys-store';
import { formatKeysTable, timeOf } from './keys-table';
import type { KeysAction } from './parse-keys-command';

export interface KeysOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

type KeysWork = Exclude<KeysAction, { action: 'help' }>;

const EXIT_NOT_FOUND = 1;

/**
 * Runs `flywheel keys create|list|revoke` against the configured database. Creating and revoking
 * record who did it, in the key's row and in the audit log, in the same transaction.
 * @returns the exit code: 0, or 1 when `revoke` names no existing key.
 * @throws UsageError when `create` runs without FLYWHEEL_AUTH_PEPPER.
 */
export async function runKeysCommand(
  action: KeysWork,
  config: PlatformConfig,
  out: KeysOutput,
): Promise<number> {
  if (action.action === 'create' && config.auth.pepper === undefined) {
    throw new UsageError(
      'keys create: FLYWHEEL_AUTH_PEPPER (or FLYWHEEL_AUTH_PEPPER_FILE) must be set to the pepper the services use',
    );
  }
  const store = await openKeysStore(config);
  try {
    switch (action.action) {
      case 'create':
        return await create(store, action, out);
      case 'list':
        out.stdout(formatKeysTable(await store.keys.list({ activeOnly: action.activeOnly })));
        return 0;
      case 'revoke':
        return await revoke(store, action.id, out);
    }
  } finally {
    await store.close();
  }
}

async function create(
  store: KeysStore,
  action: Extract<KeysWork, { action: 'create' }>,
  out: KeysOutput,
): Promise<number> {
  const { token, key } = await store.pool.withTransaction(async (tx) => {
    const created = await store.keys.create(
      {
        name: action.name,
        role: action.role,
        createdBy: store.operatorKey,
        ...(action.expiresInMs !== undefined && { expiresInMs: action.expiresInMs }),
      },
      tx,
    );
    await store.audit.append(
      {
        principal: store.operator,
        action: 'keys.manage',
        target: { type: 'api_key', id: created.key.id },
        after: keyState(created.key),
        requestId: `cli-${created.key.id}-create`,
        service: 'flywheel-cli',
      },
      tx,
    );
    return created;
  });
  out.stderr(
    `Created API key ${key.id} "${key.name}": role ${key.role}, expires ${key.expiresAt ? timeOf(key.expiresAt) : 'never'}.\n` +
      'This is the only time the key is shown; store it now:\n',
  );
  out.stdout(`${token}\n`);
  return 0;
}

async function revoke(store: KeysStore, id: string, out: KeysOutput): Promise<number> {
  const outcome = await store.pool.withTransaction(async (tx) => {
    const before = await store.keys.findById(id, tx);
    if (before === undefined || before.revokedAt !== undefined) return { key: before, already: true };
    const after = await store.keys.revoke(id, store.operatorKey, tx);
    await store.audit.append(
      {
        principal: store.operator,
        action: 'keys.manage',
        target: { type: 'api_key', id },
        before: keyState(before),
        after: after && keyState(after),
        requestId: `cli-${id}-revoke`,
        service: 'flywheel-cli',
      },
      tx,
    );
    return { key: after, already: false };
  });
  const { key, already } = outcome;
  if (key === undefined) {
    out.stderr(`flywheel: no API key with id ${id}\n`);
    return EXIT_NOT_FOUND;
  }
  const when = timeOf(key.revokedAt);
  out.stdout(
    already
      ? `API key ${id} "${key.name}" was already revoked at ${when}\n`
      : `API key ${id} "${key.name}" revoked at ${when}\n`,
  );
  return 0;
}

// What the audit log keeps of a key: everything shown by `keys list`, never a digest or salt.
function keyState(key: ApiKeyView): Record<string, unknown> {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    createdBy: key.createdBy,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revokedBy: key.revokedBy ?? null,
  };
}
