import { featureKindOf, featureSchemaOf } from './feature-schema';

describe('feature schemas from signatures', () => {
  it('maps MLflow column types to the kind a log must carry', () => {
    expect(['integer', 'long', 'float', 'double', 'string', 'boolean', 'binary', 'datetime', 'Double'].map(featureKindOf)).toEqual([
      'integer',
      'integer',
      'numeric',
      'numeric',
      'categorical',
      'boolean',
      'any',
      'any',
      'numeric',
    ]);
  });

  it('has no schema for a signature without named inputs', () => {
    expect(featureSchemaOf([])).toBeUndefined();
    expect(featureSchemaOf([{ name: '', type: 'double' }])).toBeUndefined();
  });

  it('requires every named input', () => {
    expect(featureSchemaOf([{ name: 'age', type: 'long' }, { name: 'plan', type: 'string' }])).toEqual({
      inputs: [{ name: 'age', kind: 'integer' }, { name: 'plan', kind: 'categorical' }],
    });
  });
});
