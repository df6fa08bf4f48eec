import { loadPlatformConfig } from '@flywheel/config';
import { loadMonitoringSettings } from './monitoring-settings';
import { mergeOverrides, resolveModelConfig } from './model-monitoring-config';
import { parseMonitoringTag } from './monitoring-tag';

const { defaults } = loadMonitoringSettings(loadPlatformConfig({}), {});

describe('parseMonitoringTag', () => {
  it('reads no override from an absent or blank tag', () => {
    expect(parseMonitoringTag(undefined, defaults)).toEqual({ ok: true, override: undefined });
    expect(parseMonitoringTag('  ', defaults)).toEqual({ ok: true, override: undefined });
  });

  it('reads the fields of a FLYWHEEL_MONITORING_MODELS entry', () => {
    const tag = JSON.stringify({
      windowSeconds: 4,
      allowedLatenessSeconds: 2,
      consecutiveWindows: 2,
      guardrails: { predictionDistanceLimit: 0.6 },
    });
    const result = parseMonitoringTag(tag, defaults);
    expect(result).toEqual({
      ok: true,
      override: {
        windowSeconds: 4,
        allowedLatenessSeconds: 2,
        consecutiveWindows: 2,
        guardrails: { predictionDistanceLimit: 0.6 },
      },
    });
    const config = resolveModelConfig(defaults, result.ok ? result.override : undefined);
    expect(config.schedule).toEqual({ sizeMs: 4000, hopMs: 4000, allowedLatenessMs: 2000 });
    expect(config.guardrails).toEqual({ ...defaults.guardrails, predictionDistanceLimit: 0.6 });
  });

  it.each([
    ['{', /not JSON/],
    ['[1]', /\(root\)/],
    ['{"windowSize": 60}', /Unrecognized key.*windowSize/],
    ['{"consecutiveWindows": 0}', /consecutiveWindows/],
    ['{"windowSeconds": 60, "hopSeconds": 120}', /hopMs/],
    ['{"drift": {"thresholds": {"ks": 2}}}', /thresholds\.ks/],
  ])('refuses %s, saying why', (tag, reason) => {
    const result = parseMonitoringTag(tag, defaults);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^flywheel\.monitoring/);
    expect(!result.ok && result.error).toMatch(reason);
  });
});

describe('mergeOverrides', () => {
  it('keeps either side when the other is absent', () => {
    expect(mergeOverrides(undefined, undefined)).toBeUndefined();
    expect(mergeOverrides({ windowSeconds: 4 }, undefined)).toEqual({ windowSeconds: 4 });
    expect(mergeOverrides(undefined, { windowSeconds: 4 })).toEqual({ windowSeconds: 4 });
  });

  it("lets the operator's entry win field by field, guardrails key by key", () => {
    const tag = {
      windowSeconds: 4,
      consecutiveWindows: 2,
      guardrails: { predictionDistanceLimit: 0.6, p99LatencyMsLimit: 100 },
    };
    const operator = { consecutiveWindows: 5, guardrails: { p99LatencyMsLimit: 250 } };
    expect(mergeOverrides(tag, operator)).toEqual({
      windowSeconds: 4,
      consecutiveWindows: 5,
      guardrails: { predictionDistanceLimit: 0.6, p99LatencyMsLimit: 250 },
    });
    expect(mergeOverrides({ windowSeconds: 4 }, { consecutiveWindows: 5 })).toEqual({
      windowSeconds: 4,
      consecutiveWindows: 5,
    });
  });
});
