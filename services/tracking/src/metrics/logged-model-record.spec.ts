import { appendedHistory, parseModelJson } from './logged-model-record';

describe('log-model records', () => {
  const model = {
    artifact_path: 'model',
    flavors: { python_function: {} },
    utc_time_created: 'now',
    run_id: 'r',
  };

  it('appends a model to the recorded history', () => {
    const first = appendedHistory(undefined, model);
    expect(JSON.parse(appendedHistory(first, { ...model, artifact_path: 'other' }))).toEqual([
      model,
      { ...model, artifact_path: 'other' },
    ]);
  });

  it("refuses malformed JSON and models without MLflow's mandatory fields", () => {
    expect(() => parseModelJson('{')).toThrow('Malformed model info.');
    expect(() => parseModelJson(JSON.stringify({ artifact_path: 'm', run_id: 'r' }))).toThrow(
      "Model json is missing mandatory fields: {'flavors', 'utc_time_created'}",
    );
    expect(parseModelJson(JSON.stringify(model))).toEqual(model);
  });
});
