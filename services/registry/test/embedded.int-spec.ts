import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_DISABLED_PRINCIPAL } from '@flywheel/access';
import type { RegistryEvent } from '@flywheel/contracts';
import { AuditLogRepository, migrateIdentitySchema } from '@flywheel/identity';
import { InProcessEventBus, silentLogger } from '@flywheel/kafka';
import { createPgPool, startEmbeddedPostgres } from '@flywheel/postgres';
import { waitFor } from '@flywheel/testing';
import { migrateRegistrySchema } from '../src/db/migrate-registry-schema';
import { RegistryDatabase } from '../src/db/registry-database';
import { RegistryMutations } from '../src/mutations/registry-mutations';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from '../src/outbox/outbox-relay';
import { OutboxRepository } from '../src/outbox/outbox.repository';
import { BusRegistryEventPublisher, registryEventsTopic } from '../src/outbox/registry-event-publisher';

// The standalone shape: the outbox and relay on embedded PGlite (no LISTEN, advisory locks that
// exclude nobody, globally serialized transactions) and the in-process bus.
it('relays committed changes on embedded PostgreSQL and the in-process bus', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-pglite-'));
  const server = await startEmbeddedPostgres({ dataDir });
  const pool = createPgPool({ connectionString: server.connectionString, maxConnections: 4 });
  const bus = new InProcessEventBus({ logger: silentLogger });
  const warnings: string[] = [];
  try {
    await migrateRegistrySchema(pool, 'registry');
    await migrateIdentitySchema(pool, 'identity');
    const database = new RegistryDatabase(pool, 'registry');
    const outbox = new OutboxRepository('registry');
    const mutations = new RegistryMutations(database, outbox, new AuditLogRepository(pool));
    await bus.ensureTopics(['registry.events.embedded'], 1);
    const received: RegistryEvent[] = [];
    const consumer = bus.createConsumer({ groupId: 'embedded' });
    consumer.subscribe(registryEventsTopic('registry.events.embedded'), (batch) => {
      received.push(...batch.messages.map((m) => m.value));
      return Promise.resolve();
    });
    await consumer.start();
    const relay = new OutboxRelay(pool, outbox, new BusRegistryEventPublisher(bus.createProducer(), registryEventsTopic('registry.events.embedded')), {
      ...DEFAULT_RELAY_OPTIONS,
      pollIntervalMs: 50,
      logger: { info: () => undefined, warn: (message) => warnings.push(message) },
    });
    relay.start();
    for (let i = 0; i < 3; i += 1) {
      await mutations.run({ principal: AUTH_DISABLED_PRINCIPAL, requestId: 'r' }, (m) => m.emit('m', { modelTagSet: { key: 'i', value: String(i) } }));
    }
    await waitFor(() => received.length === 3);
    expect(received.map((event) => event.modelTagSet?.value)).toEqual(['0', '1', '2']);
    await relay.stop();
  } finally {
    await bus.close();
    await pool.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
