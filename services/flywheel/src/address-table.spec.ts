import { formatAddressTable } from './address-table';

describe('formatAddressTable', () => {
  it('aligns one row per listener under a header', () => {
    const table = formatAddressTable([
      { owner: 'tracking', protocol: 'grpc', address: '127.0.0.1:50051', serves: 'grpc.health.v1.Health' },
      { owner: 'tracking', protocol: 'http', address: 'http://127.0.0.1:5000' },
      {
        owner: 'admin',
        protocol: 'http',
        address: 'http://127.0.0.1:9464',
        serves: '/healthz /readyz /metrics',
      },
    ]);
    expect(table.split('\n')).toEqual([
      '  SERVICE   PROTOCOL  ADDRESS                SERVES',
      '  tracking  grpc      127.0.0.1:50051        grpc.health.v1.Health',
      '  tracking  http      http://127.0.0.1:5000',
      '  admin     http      http://127.0.0.1:9464  /healthz /readyz /metrics',
    ]);
  });
});
