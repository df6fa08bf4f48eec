import { TrafficPolicyError } from '../errors';
import { TrafficPolicyFields, trafficPolicyFromFields, trafficPolicyToFields } from './policy-fields';

const fields = (overrides: Partial<TrafficPolicyFields>): TrafficPolicyFields => ({
  championVersion: 1,
  canaryVersion: 0,
  canaryWeightPercent: 0,
  shadowVersion: 0,
  stickyKeyHeader: '',
  ...overrides,
});

describe('trafficPolicyFromFields', () => {
  it('reads version 0 and an empty header as "none"', () => {
    expect(trafficPolicyFromFields(fields({}))).toEqual({ championVersion: 1 });
  });

  it('reads a canary, a shadow and a sticky header', () => {
    expect(
      trafficPolicyFromFields(
        fields({ canaryVersion: 2, canaryWeightPercent: 25, shadowVersion: 3, stickyKeyHeader: 'x-user' }),
      ),
    ).toEqual({
      championVersion: 1,
      canary: { version: 2, weightPercent: 25 },
      shadow: { version: 3 },
      stickyKeyHeader: 'x-user',
    });
  });

  it('rejects a weight without a canary version instead of dropping it', () => {
    expect(() => trafficPolicyFromFields(fields({ canaryWeightPercent: 10 }))).toThrow(
      'canaryWeightPercent: is 10 but canaryVersion is 0 (no canary)',
    );
  });

  it('rejects a message without a champion', () => {
    expect(() => trafficPolicyFromFields(fields({ championVersion: 0 }))).toThrow(TrafficPolicyError);
  });
});

describe('trafficPolicyToFields', () => {
  it('round-trips every policy the message can carry', () => {
    const wire = fields({
      canaryVersion: 5,
      canaryWeightPercent: 50,
      shadowVersion: 6,
      stickyKeyHeader: 'x-session',
    });
    expect(trafficPolicyToFields(trafficPolicyFromFields(wire))).toEqual(wire);
  });

  it('writes absent parts as 0 and empty string', () => {
    expect(trafficPolicyToFields({ championVersion: 9 })).toEqual(fields({ championVersion: 9 }));
  });

  it('refuses a fractional weight and a partial shadow sample, which the message would lose', () => {
    expect(() =>
      trafficPolicyToFields({
        championVersion: 1,
        canary: { version: 2, weightPercent: 0.5 },
        shadow: { version: 3, samplePercent: 10 },
      }),
    ).toThrow(
      'canary.weightPercent: 0.5 is not a whole percent, which the message cannot carry; ' +
        'shadow.samplePercent: 10 is not 100, and the message mirrors every request',
    );
  });
});
