import { OutputTail } from './output-tail';

describe('OutputTail', () => {
  it('keeps everything under the limit', () => {
    const tail = new OutputTail(16);
    tail.push(Buffer.from('hello '));
    tail.push(Buffer.from('world'));
    expect(tail.text()).toBe('hello world');
  });

  it('keeps only the last limit bytes and says how many were dropped', () => {
    const tail = new OutputTail(8);
    tail.push(Buffer.from('0123456789'));
    tail.push(Buffer.from('abcdef'));
    expect(tail.text()).toBe('[8 earlier bytes dropped]\n89abcdef');
  });

  it('stays within the limit however much is pushed', () => {
    const tail = new OutputTail(1024);
    for (let i = 0; i < 10_000; i += 1) tail.push(Buffer.alloc(100, 'x'));
    expect(tail.text()).toBe(`[${10_000 * 100 - 1024} earlier bytes dropped]\n${'x'.repeat(1024)}`);
  });
});
