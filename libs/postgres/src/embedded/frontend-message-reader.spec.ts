import { FrontendMessageReader } from './frontend-message-reader';

function untyped(code: number, body = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(code, 4);
  return Buffer.concat([header, body]);
}

function typed(type: string, body: string): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, Buffer.from(body, 'latin1')]);
}

describe('FrontendMessageReader', () => {
  it('recognises SSL and cancel requests, then the startup message, then typed messages', () => {
    const reader = new FrontendMessageReader();
    const startup = untyped(196_608, Buffer.from('user\0postgres\0\0', 'latin1'));
    const frames = reader.push(
      Buffer.concat([untyped(80_877_103), startup, typed('Q', 'SELECT 1\0'), typed('X', '')]),
    );
    expect(frames.map((frame) => (frame.kind === 'message' ? frame.type : frame.kind))).toEqual([
      'ssl-request',
      'startup',
      'Q',
      'X',
    ]);
    expect(frames[1]).toEqual({ kind: 'startup', bytes: startup });
  });

  it('recognises a cancel request as the first message', () => {
    const cancel = untyped(80_877_102, Buffer.alloc(8));
    expect(new FrontendMessageReader().push(cancel)).toEqual([{ kind: 'cancel-request' }]);
  });

  it('waits for the rest of a message split across chunks', () => {
    const reader = new FrontendMessageReader();
    const startup = untyped(196_608, Buffer.from('user\0u\0\0', 'latin1'));
    const query = typed('Q', 'SELECT 1\0');
    const stream = Buffer.concat([startup, query]);
    const frames = [3, 10, startup.length + 2, stream.length].flatMap((end, i, ends) =>
      reader.push(stream.subarray(i === 0 ? 0 : ends[i - 1], end)),
    );
    expect(frames).toEqual([
      { kind: 'startup', bytes: startup },
      { kind: 'message', type: 'Q', bytes: query },
    ]);
  });
});
