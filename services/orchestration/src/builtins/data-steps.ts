import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { windowCsv } from '../data/window-csv';
import { CHAMPION_ALIAS } from '../canary/canary-controller';
import type { RegistryClient } from '../clients/registry-client';
import { formatDataWindow, parseDataWindow } from '../data/data-window';
import type { WindowReader } from '../data/window-reader';
import { StepFailure, type BuiltinStepHandler } from './builtin-step-handler';
import { StepInputs } from './step-inputs';

/**
 * `validate-data`: pins the `dataset` window (a relative `last=7d` becomes absolute, so later
 * steps and retries read the same rows) and checks its labelled rows: `checks.min_rows`
 * (default 1) and every feature named in `schema` (a list) present in every row. Outputs
 * `dataset_uri` (the absolute window), `row_count`, and `dataset_hash` (SHA-256 of the rows'
 * ids, features and labels: lineage for the registered version). It also exports the rows as
 * CSV (`request_id,label,<features…>`) into the run's directory, output `data_file`, for
 * `process` trainers (declare it with `outputs: [data_file]`).
 */
export function validateDataStep(reader: WindowReader, runsDir: string): BuiltinStepHandler {
  return async (input, context) => {
    const inputs = new StepInputs(context.step, input);
    const window = parseDataWindow(inputs.string('dataset'), Date.now());
    const minRows = inputs.numberMap('checks').min_rows ?? 1;
    const required = Array.isArray(input.schema)
      ? input.schema.filter((item): item is string => typeof item === 'string')
      : [];
    const rows = await reader.rows(window);
    const uri = formatDataWindow(window);
    if (rows.length < minRows)
      throw new StepFailure(
        `${uri} has ${rows.length} labelled rows, fewer than checks.min_rows ${minRows}`,
        false,
      );
    const missing = required.filter((name) => rows.some((row) => !Object.hasOwn(row.numeric_features, name)));
    if (missing.length > 0)
      throw new StepFailure(`${uri}: features ${missing.join(', ')} are missing from some rows`, false);
    const hash = createHash('sha256');
    for (const row of rows)
      hash.update(
        `${row.request_id}\t${JSON.stringify(Object.entries(row.numeric_features).sort())}\t${row.value}\n`,
      );
    const dataFile = join(runsDir, context.runId, 'data', `${context.step}.csv`);
    mkdirSync(dirname(dataFile), { recursive: true });
    writeFileSync(dataFile, windowCsv(rows));
    context.log(`${uri}: ${rows.length} labelled rows, exported to ${dataFile}`);
    return {
      dataset_uri: uri,
      dataset_hash: hash.digest('hex'),
      row_count: rows.length,
      data_file: dataFile,
    };
  };
}

/**
 * `enroll-monitoring`: monitoring watches every model that has a `champion` alias (contracts
 * 3/4), comparing canary with champion traffic by variant; enrolling records on the version
 * (tag `flywheel.monitoring`) that it is watched that way, with the `window` and `reference` it
 * was enrolled with. Output `monitor_id`: `<model>@champion`.
 */
export function enrollMonitoringStep(registry: RegistryClient): BuiltinStepHandler {
  return async (input, context) => {
    const inputs = new StepInputs(context.step, input);
    const modelName = inputs.string('model_name');
    const version = inputs.version('version');
    const settings = {
      alias: CHAMPION_ALIAS,
      window: inputs.optionalString('window') ?? 'default',
      reference: inputs.optionalString('reference') ?? '',
    };
    await registry.setVersionTag(modelName, version, 'flywheel.monitoring', JSON.stringify(settings));
    context.log(`${modelName} version ${version} enrolled: ${JSON.stringify(settings)}`);
    return { monitor_id: `${modelName}@${CHAMPION_ALIAS}` };
  };
}
