import type { TrackingTables } from '../database/tracking-tables';

/**
 * One statement that writes a whole batch to a run, so a log call costs one round trip inside
 * its transaction whatever it holds. Parameters: $1 run id; $2-$5 metric keys, values,
 * timestamps, steps; $6-$7 param keys, values; $8-$9 tag keys, values; $10 new run name or null.
 *
 * - `run` locks the run row (`lock`: FOR SHARE lets writers of one run proceed together while a
 *   delete waits; FOR UPDATE when the batch renames the run) and every write below only
 *   happens when it is active; the statement returns the stage for the caller to refuse.
 * - params: an exact re-log is a no-op; a different value is found even when a concurrent
 *   writer logged it first (ON CONFLICT sees committed rows the snapshot does not), returned
 *   with its stored value, and the caller rolls back.
 * - metrics: the history is appended (an exact re-log is a no-op, as in MLflow) and each key's
 *   latest value moves forward when the new one is more recent by (step, timestamp, value).
 * - Rows are written in key order, so concurrent writers of one run lock them in one order.
 */
export function runBatchSql(t: TrackingTables, lock: 'FOR SHARE' | 'FOR UPDATE'): string {
  return `WITH run AS (
      SELECT lifecycle_stage FROM ${t.runs} WHERE run_id = $1 ${lock}
    ), active AS (
      SELECT 1 FROM run WHERE lifecycle_stage = 'active'
    ), metric_input AS (
      SELECT u.key, u.value, u.timestamp, u.step
      FROM unnest($2::text[], $3::float8[], $4::int8[], $5::int8[]) AS u(key, value, timestamp, step)
      WHERE EXISTS (SELECT 1 FROM active)
    ), history AS (
      INSERT INTO ${t.metrics} (run_id, key, value, timestamp, step)
      SELECT $1, m.key, m.value, m.timestamp, m.step FROM metric_input m
      ON CONFLICT DO NOTHING
    ), latest AS (
      INSERT INTO ${t.latestMetrics} AS l (run_id, key, value, timestamp, step)
      SELECT DISTINCT ON (m.key) $1, m.key, m.value, m.timestamp, m.step FROM metric_input m
      ORDER BY m.key, m.step DESC, m.timestamp DESC, m.value DESC
      ON CONFLICT (run_id, key) DO UPDATE
        SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step
        WHERE (excluded.step, excluded.timestamp, excluded.value) > (l.step, l.timestamp, l.value)
    ), param_input AS (
      SELECT u.key, u.value FROM unnest($6::text[], $7::text[]) AS u(key, value)
      WHERE EXISTS (SELECT 1 FROM active)
    ), param_rows AS (
      INSERT INTO ${t.params} AS p (run_id, key, value)
      SELECT $1, i.key, i.value FROM param_input i ORDER BY i.key
      ON CONFLICT (run_id, key) DO UPDATE SET value = p.value WHERE p.value <> excluded.value
      RETURNING p.key, p.value
    ), tags AS (
      INSERT INTO ${t.runTags} (run_id, key, value)
      SELECT $1, u.key, u.value FROM unnest($8::text[], $9::text[]) AS u(key, value)
      WHERE EXISTS (SELECT 1 FROM active) ORDER BY u.key
      ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value
    ), renamed AS (
      UPDATE ${t.runs} SET run_name = $10 WHERE run_id = $1 AND $10::text IS NOT NULL AND EXISTS (SELECT 1 FROM active)
    )
    SELECT (SELECT lifecycle_stage FROM run) AS stage,
      (SELECT json_agg(json_build_array(r.key, r.value, i.value) ORDER BY r.key)
         FROM param_rows r JOIN param_input i ON i.key = r.key WHERE r.value <> i.value) AS conflicts`;
}
