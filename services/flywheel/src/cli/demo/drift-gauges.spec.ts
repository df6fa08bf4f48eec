import { featureDriftGauges } from './drift-gauges';

describe('featureDriftGauges', () => {
  it('reads the drift verdict and score of each feature of the model, ignoring other models', () => {
    const metrics = [
      '# TYPE monitoring_feature_drifted gauge',
      'monitoring_feature_drifted{model="churn",version="1",feature="tenure",test="wasserstein"} 1',
      'monitoring_feature_drift_score{model="churn",version="1",feature="tenure",test="wasserstein"} 0.82',
      'monitoring_feature_drifted{model="churn",version="1",feature="charges",test="wasserstein"} 0',
      'monitoring_feature_drifted{model="other",version="1",feature="tenure",test="wasserstein"} 1',
    ].join('\n');
    expect(featureDriftGauges(metrics, 'churn')).toEqual([
      { feature: 'tenure', drifted: true, score: 0.82, test: 'wasserstein' },
      { feature: 'charges', drifted: false, score: Number.NaN, test: 'wasserstein' },
    ]);
  });
});
