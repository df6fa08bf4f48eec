import type { TrackingTables } from '../database/tracking-tables';
import { RUN_INFO_COLUMNS } from './run.repository';

/**
 * The select list of a complete run `r`: its info plus latest metrics, params, tags, dataset
 * inputs and model outputs aggregated as JSON, so a page of runs is one statement and one round trip. Metric
 * values travel as text so NaN and infinities survive.
 */
export function runDetailsColumns(t: TrackingTables): string {
  return `${RUN_INFO_COLUMNS},
    (SELECT json_agg(json_build_array(m.key, m.value::text, m.timestamp, m.step) ORDER BY m.key)
       FROM ${t.latestMetrics} m WHERE m.run_id = r.run_id) AS metrics,
    (SELECT json_agg(json_build_array(p.key, p.value) ORDER BY p.key)
       FROM ${t.params} p WHERE p.run_id = r.run_id) AS params,
    (SELECT json_agg(json_build_array(g.key, g.value) ORDER BY g.key)
       FROM ${t.runTags} g WHERE g.run_id = r.run_id) AS tags,
    (SELECT json_agg(json_build_array(d.name, d.digest, d.source_type, d.source, d.schema, d.profile,
         (SELECT json_agg(json_build_array(it.key, it.value) ORDER BY it.key)
            FROM ${t.runInputTags} it WHERE it.run_id = i.run_id AND it.dataset_id = i.dataset_id))
         ORDER BY i.position)
       FROM ${t.runInputs} i JOIN ${t.datasets} d ON d.dataset_id = i.dataset_id
       WHERE i.run_id = r.run_id) AS inputs,
    (SELECT json_agg(json_build_array(o.model_id, o.step) ORDER BY o.step, o.model_id)
       FROM ${t.runModelOutputs} o WHERE o.run_id = r.run_id) AS outputs`;
}
