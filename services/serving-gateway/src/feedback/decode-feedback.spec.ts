import { decodeFeedback } from './decode-feedback';

describe('decodeFeedback', () => {
  it('reads request ids and values for the model, defaulting the label and time', () => {
    expect(decodeFeedback({ feedback: [{ request_id: 'r1', value: 1 }, { request_id: 'r2:1', value: 0, label: 'no', timestamp_ms: 5 }] }, 'churn', 42)).toEqual([
      { requestId: 'r1', modelName: 'churn', label: '', value: 1, timestampMs: 42 },
      { requestId: 'r2:1', modelName: 'churn', label: 'no', value: 0, timestampMs: 5 },
    ]);
  });

  it('names the malformed field', () => {
    expect(() => decodeFeedback({}, 'm', 0)).toThrow(/^feedback: expected an array/);
    expect(() => decodeFeedback({ feedback: [{ request_id: '', value: 1 }] }, 'm', 0)).toThrow('feedback[0].request_id');
    expect(() => decodeFeedback({ feedback: [{ request_id: 'a', value: 'x' }] }, 'm', 0)).toThrow('feedback[0].value');
    expect(() => decodeFeedback({ feedback: [{ request_id: 'a', value: 1, timestamp_ms: 1.5 }] }, 'm', 0)).toThrow('feedback[0].timestamp_ms');
  });
});
