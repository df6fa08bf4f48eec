/** A param or tag: MLflow's `{ key, value }` pairs, in key order. */
export interface KeyValue {
  key: string;
  value: string;
}
