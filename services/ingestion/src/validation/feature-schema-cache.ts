import type { FeatureSchema } from './feature-schema';

/** Where model versions' feature schemas come from (the registry). */
export interface FeatureSchemaSource {
  /**
   * The registered schema of a model version; undefined when the version has no signature or is
   * unknown to the registry. @throws when the registry cannot be asked.
   */
  schemaOf(model: string, version: number): Promise<FeatureSchema | undefined>;
}

/** A lookup's answer: `available` false when the registry could not be asked. */
export type SchemaLookup = { available: true; schema: FeatureSchema | undefined } | { available: false };

interface Entry {
  readonly answer: Promise<SchemaLookup>;
  readonly expiresAt: number;
}

/**
 * Caches schemas per model version for `ttlMs` (an absent schema too, so unregistered models cost
 * one registry call per TTL), and a failed lookup for `retryMs`, so an unreachable registry is
 * asked again soon without being asked for every batch. Concurrent lookups share one call.
 */
export class FeatureSchemaCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly source: FeatureSchemaSource,
    private readonly ttlMs: number,
    private readonly retryMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  lookup(model: string, version: number): Promise<SchemaLookup> {
    const key = `${version}:${model}`;
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.answer;
    const answer = this.ask(key, model, version);
    this.entries.set(key, { answer, expiresAt: this.now() + this.ttlMs });
    return answer;
  }

  private async ask(key: string, model: string, version: number): Promise<SchemaLookup> {
    try {
      return { available: true, schema: await this.source.schemaOf(model, version) };
    } catch {
      this.entries.set(key, { answer: Promise.resolve({ available: false }), expiresAt: this.now() + this.retryMs });
      return { available: false };
    }
  }
}
