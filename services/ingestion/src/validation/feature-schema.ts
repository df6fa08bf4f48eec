/** How a signature input must arrive in an inference log. */
export type FeatureKind = 'numeric' | 'integer' | 'categorical' | 'boolean' | 'any';

/** A model version's registered inputs: every one is required, with its kind. */
export interface FeatureSchema {
  readonly inputs: readonly { readonly name: string; readonly kind: FeatureKind }[];
}

/**
 * The kind an MLflow column type asks for: integer/long must be whole numbers, float/double any
 * finite number, string a categorical value, boolean either 0/1 or "true"/"false"; binary and
 * datetime only need to be present (their encodings in a log are the producer's choice).
 */
export function featureKindOf(mlflowType: string): FeatureKind {
  switch (mlflowType.trim().toLowerCase()) {
    case 'integer':
    case 'long':
      return 'integer';
    case 'float':
    case 'double':
      return 'numeric';
    case 'string':
      return 'categorical';
    case 'boolean':
      return 'boolean';
    default:
      return 'any';
  }
}

/** The schema of a signature's inputs; undefined when the signature declares none (nothing to check). */
export function featureSchemaOf(inputs: readonly { name: string; type: string }[]): FeatureSchema | undefined {
  const named = inputs.filter((input) => input.name !== '');
  if (named.length === 0) return undefined;
  return { inputs: named.map((input) => ({ name: input.name, kind: featureKindOf(input.type) })) };
}
