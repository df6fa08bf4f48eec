import { TrackingError } from '../tracking-error';
import { lastValueByKey, validateLoggedModelName } from './logged-model-input';

describe('logged model input rules', () => {
  it('accepts absent and plain names', () => {
    expect(() => validateLoggedModelName(undefined)).not.toThrow();
    expect(() => validateLoggedModelName('credit_model-2')).not.toThrow();
  });

  it.each(['', 'a/b', 'a:b', 'a.b', 'a%b', 'a"b', "a'b"])('refuses %j as MLflow does', (name) => {
    expect(() => validateLoggedModelName(name)).toThrow(TrackingError);
    expect(() => validateLoggedModelName(name)).toThrow('Invalid model name');
  });

  it('keeps the last value of a repeated key, in first-seen order', () => {
    expect(
      lastValueByKey([
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
        { key: 'a', value: '3' },
      ]),
    ).toEqual([
      { key: 'a', value: '3' },
      { key: 'b', value: '2' },
    ]);
  });
});
