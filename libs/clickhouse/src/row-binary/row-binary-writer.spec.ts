import { RowBinaryWriter } from './row-binary-writer';

const hex = (out: RowBinaryWriter) => out.bytes().toString('hex');

describe('RowBinaryWriter', () => {
  it('writes LEB128 lengths: one byte below 128, more above', () => {
    expect(hex(new RowBinaryWriter(1).varUInt(0).varUInt(127))).toBe('007f');
    expect(hex(new RowBinaryWriter(1).varUInt(128).varUInt(300))).toBe('8001ac02');
    expect(hex(new RowBinaryWriter(1).varUInt(2 ** 32 - 1))).toBe('ffffffff0f');
  });

  it('writes strings given as UTF-8 bytes exactly as the same strings', () => {
    const source = Buffer.from('xxMünchen😀yy');
    const fromBytes = new RowBinaryWriter(2).utf8Bytes(source, 2, source.length - 2);
    expect(hex(fromBytes)).toBe(hex(new RowBinaryWriter(2).string('München😀')));
    const long = 'é'.repeat(200);
    expect(hex(new RowBinaryWriter(2).utf8Bytes(Buffer.from(long), 0, 400))).toBe(
      hex(new RowBinaryWriter(2).string(long)),
    );
  });

  it('copies raw bytes, growing past its first buffer', () => {
    const out = new RowBinaryWriter(4).float64(1.5);
    const double = Buffer.alloc(8);
    double.writeDoubleLE(-2.25);
    out.raw(double, 0, 8).raw(Buffer.from([1, 2, 3]), 1, 3);
    expect(out.bytes().readDoubleLE(0)).toBe(1.5);
    expect(out.bytes().readDoubleLE(8)).toBe(-2.25);
    expect([...out.bytes().subarray(16)]).toEqual([2, 3]);
  });
});
