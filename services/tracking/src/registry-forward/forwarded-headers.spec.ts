import { endToEndHeaders } from './forwarded-headers';

describe('endToEndHeaders', () => {
  it('keeps authorization and content headers and drops hop-by-hop ones', () => {
    expect(
      endToEndHeaders({
        authorization: 'Bearer fwk_abc',
        'content-type': 'application/json',
        'content-length': '12',
        host: 'tracking:5000',
        connection: 'keep-alive, x-hop',
        'keep-alive': 'timeout=5',
        'x-hop': '1',
        'transfer-encoding': 'chunked',
        'x-request-id': 'r-1',
      }),
    ).toEqual({
      authorization: 'Bearer fwk_abc',
      'content-type': 'application/json',
      'content-length': '12',
      'x-request-id': 'r-1',
    });
  });
});
