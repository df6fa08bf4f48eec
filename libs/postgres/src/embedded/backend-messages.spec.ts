import { fatalErrorMessage, lastReadyForQueryStatus, simpleQueryMessage } from './backend-messages';

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

const readyForQuery = (status: string): Buffer => message('Z', Buffer.from(status, 'latin1'));

describe('lastReadyForQueryStatus', () => {
  it('returns the status of the last ReadyForQuery in a response', () => {
    const response = Buffer.concat([
      readyForQuery('T'),
      message('C', Buffer.from('COMMIT\0', 'latin1')),
      readyForQuery('I'),
    ]);
    expect(lastReadyForQueryStatus(response)).toBe('I');
    expect(lastReadyForQueryStatus(Buffer.concat([readyForQuery('I'), readyForQuery('E')]))).toBe('E');
  });

  it('returns undefined when the response has no ReadyForQuery (e.g. the answer to Parse)', () => {
    expect(lastReadyForQueryStatus(message('1', Buffer.alloc(0)))).toBeUndefined();
    expect(lastReadyForQueryStatus(new Uint8Array())).toBeUndefined();
  });

  it('does not mistake a Z byte inside another message for ReadyForQuery', () => {
    const dataRow = message('D', Buffer.from('ZZZZZZI', 'latin1'));
    expect(lastReadyForQueryStatus(dataRow)).toBeUndefined();
  });
});

describe('frontend message builders', () => {
  it('frames a simple query with its length and terminating NUL', () => {
    expect(simpleQueryMessage('ROLLBACK')).toEqual(message('Q', Buffer.from('ROLLBACK\0', 'latin1')));
  });

  it('frames a FATAL error with its SQLSTATE and text', () => {
    const error = fatalErrorMessage('53300', 'too many');
    expect(error.subarray(0, 1).toString('latin1')).toBe('E');
    expect(error.readInt32BE(1)).toBe(error.length - 1);
    expect(error.subarray(5).toString('latin1')).toBe('SFATAL\0VFATAL\0C53300\0Mtoo many\0\0');
  });
});
