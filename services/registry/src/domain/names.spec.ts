import { assertAlias, assertModelName, assertTagKey, parseVersionNumber } from './names';

describe('registry names', () => {
  it.each(['fraud', 'Fraud Model v2', 'churn_model-1.0', 'modèle', '_private'])('accepts the model name %j', (name) => {
    expect(assertModelName(name)).toBe(name);
  });

  it.each([
    ['', /a registered model name is required/],
    ['a/b', /invalid registered model name/],
    ['a@b', /invalid registered model name/],
    ['a:b', /invalid registered model name/],
    [' lead', /invalid registered model name/],
    ['trail ', /invalid registered model name/],
    ['-dash', /invalid registered model name/],
    ['x'.repeat(257), /at most 256 characters/],
  ])('refuses the model name %j naming the field', (name, reason) => {
    expect(() => assertModelName(name)).toThrow(reason);
    expect(() => assertModelName(name, 'new_name')).toThrow(/^new_name: /);
  });

  it('accepts MLflow aliases and refuses reserved or malformed ones', () => {
    expect(assertAlias('champion')).toBe('champion');
    expect(assertAlias('canary-2_b')).toBe('canary-2_b');
    expect(() => assertAlias('latest')).toThrow(/reserved/);
    expect(() => assertAlias('V12')).toThrow(/reserved/);
    expect(() => assertAlias('has space')).toThrow(/^alias: invalid alias/);
    expect(() => assertAlias('')).toThrow(/^alias: an alias is required/);
  });

  it('refuses tag keys with control characters or beyond 250 characters', () => {
    expect(() => assertTagKey('a\nb')).toThrow(/control characters/);
    expect(() => assertTagKey('k'.repeat(251))).toThrow(/at most 250/);
  });

  it('parses version numbers from gRPC numbers and MLflow strings', () => {
    expect(parseVersionNumber(3)).toBe(3);
    expect(parseVersionNumber('12')).toBe(12);
    for (const bad of [0, -1, '01', '1.5', 'x', '', 2 ** 31, undefined]) {
      expect(() => parseVersionNumber(bad)).toThrow(/^version: expected a version number/);
    }
  });
});
