import { Injectable } from '@nestjs/common';
import { DATASET_CONTEXT_TAG, type DatasetInput } from '../domain/run';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';

/** The only place the SQL of datasets and run inputs lives. */
@Injectable()
export class RunInputsRepository {
  private readonly upsertDatasets;
  private readonly linkInputs;
  private readonly insertInputTags;

  constructor(database: TrackingDatabase) {
    const t = database.tables;
    // The no-op update makes RETURNING yield existing datasets too, so one statement maps every
    // (name, digest) to its id.
    this.upsertDatasets = database.statement(
      `INSERT INTO ${t.datasets} AS d (experiment_id, name, digest, source_type, source, schema, profile)
       SELECT $1, u.name, u.digest, u.source_type, u.source, u.schema, u.profile
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS u(name, digest, source_type, source, schema, profile)
       ORDER BY u.name, u.digest
       ON CONFLICT (experiment_id, name, digest) DO UPDATE SET name = d.name
       RETURNING d.dataset_id, d.name, d.digest`,
    );
    // Inputs already linked keep their tags, as in MLflow; new ones follow the existing ones.
    this.linkInputs = database.statement(
      `INSERT INTO ${t.runInputs} (run_id, dataset_id, context, position)
       SELECT $1, u.dataset_id, u.context,
              (SELECT COALESCE(max(i.position), 0) FROM ${t.runInputs} i WHERE i.run_id = $1) + u.ordinal
       FROM unnest($2::int8[], $3::text[]) WITH ORDINALITY AS u(dataset_id, context, ordinal)
       ON CONFLICT (run_id, dataset_id) DO NOTHING
       RETURNING dataset_id`,
    );
    this.insertInputTags = database.statement(
      `INSERT INTO ${t.runInputTags} (run_id, dataset_id, key, value)
       SELECT $1, u.dataset_id, u.key, u.value FROM unnest($2::int8[], $3::text[], $4::text[]) AS u(dataset_id, key, value)
       ON CONFLICT DO NOTHING`,
    );
  }

  /**
   * Links datasets (created in the experiment when new) to the run as inputs, with their tags.
   * Inputs naming the same (name, digest) twice keep the first, as MLflow does.
   */
  async logInputs(
    connection: Connection,
    experimentId: bigint,
    runId: string,
    inputs: readonly DatasetInput[],
  ): Promise<void> {
    const unique = uniqueByDataset(inputs);
    if (unique.length === 0) return;
    const datasets = unique.map((input) => input.dataset);
    const stored = await this.upsertDatasets.run<{ dataset_id: string; name: string; digest: string }>(
      connection,
      [
        experimentId,
        datasets.map((d) => d.name),
        datasets.map((d) => d.digest),
        datasets.map((d) => d.sourceType),
        datasets.map((d) => d.source),
        datasets.map((d) => d.schema),
        datasets.map((d) => d.profile),
      ],
    );
    const idOf = new Map(stored.rows.map((row) => [identity(row.name, row.digest), row.dataset_id]));
    const ids = unique.map((input) => idOf.get(identity(input.dataset.name, input.dataset.digest))!);
    const contexts = unique.map(
      (input) => input.tags.find((tag) => tag.key === DATASET_CONTEXT_TAG)?.value ?? null,
    );
    const linked = await this.linkInputs.run<{ dataset_id: string }>(connection, [runId, ids, contexts]);
    const newlyLinked = new Set(linked.rows.map((row) => row.dataset_id));
    const tags = unique.flatMap((input, index) =>
      newlyLinked.has(ids[index]!) ? input.tags.map((tag) => ({ datasetId: ids[index]!, ...tag })) : [],
    );
    if (tags.length === 0) return;
    await this.insertInputTags.run(connection, [
      runId,
      tags.map((tag) => tag.datasetId),
      tags.map((tag) => tag.key),
      tags.map((tag) => tag.value),
    ]);
  }
}

function uniqueByDataset(inputs: readonly DatasetInput[]): DatasetInput[] {
  const seen = new Map<string, DatasetInput>();
  for (const input of inputs) {
    const key = identity(input.dataset.name, input.dataset.digest);
    if (!seen.has(key)) seen.set(key, input);
  }
  return [...seen.values()];
}

function identity(name: string, digest: string): string {
  return JSON.stringify([name, digest]);
}
