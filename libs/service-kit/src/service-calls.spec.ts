import { serviceCallHeaders, serviceCallMetadata } from './service-calls';

describe('service-to-service identity', () => {
  it('presents the service key as a bearer token in gRPC metadata and HTTP headers', () => {
    const auth = { serviceKey: 'fwk_orchestration_key' };
    expect(serviceCallMetadata(auth).get('authorization')).toEqual(['Bearer fwk_orchestration_key']);
    expect(serviceCallHeaders(auth)).toEqual({ authorization: 'Bearer fwk_orchestration_key' });
  });

  it('sends no authorization when the process has no service key (authentication off)', () => {
    expect(serviceCallMetadata({}).get('authorization')).toEqual([]);
    expect(serviceCallHeaders({})).toEqual({});
  });
});
