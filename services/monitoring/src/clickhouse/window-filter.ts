/**
 * The rows of one model version's window (a subquery: ARRAY JOIN and WHERE follow it), for the given variants. Every window query uses this
 * exact text, so the parameters are always: database, model, version, variants, from, to.
 */
export const WINDOW_ROWS = `(SELECT * FROM {database:Identifier}.inference_logs
  WHERE model_name = {model:String} AND model_version = {version:UInt32}
    AND has({variants:Array(String)}, variant)
    AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})` as const;

/** Numeric features plus the prediction score under the feature name '' (never a real feature). */
export const NUMERIC_VALUES = `ARRAY JOIN arrayPushBack(mapKeys(numeric_features), '') AS feature,
  arrayPushBack(mapValues(numeric_features), prediction_score) AS value` as const;

/** Feature key of the prediction score in numeric query results. */
export const PREDICTION_KEY = '';

/** Which rows a window query reads. */
export interface WindowSlice {
  database: string;
  modelName: string;
  modelVersion: number;
  /** Variants whose rows count, e.g. ['champion', 'unspecified']. */
  variants: readonly string[];
  fromMs: number;
  toMs: number;
}

/** The query parameters of WINDOW_ROWS. */
export function sliceParams(slice: WindowSlice) {
  return {
    database: slice.database,
    model: slice.modelName,
    version: slice.modelVersion,
    variants: [...slice.variants],
    from: new Date(slice.fromMs),
    to: new Date(slice.toMs),
  };
}
