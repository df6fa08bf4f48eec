/** Transaction status carried by ReadyForQuery: idle, in a transaction, in a failed one. */
export type TransactionStatus = 'I' | 'T' | 'E';

/**
 * The transaction status of the last ReadyForQuery ('Z') message in a backend response, or
 * undefined when the response has none (e.g. the answer to Parse or Bind before Sync).
 */
export function lastReadyForQueryStatus(response: Uint8Array): TransactionStatus | undefined {
  const view = Buffer.from(response.buffer, response.byteOffset, response.byteLength);
  let status: TransactionStatus | undefined;
  for (let at = 0; at + 5 <= view.length; at += 1 + view.readInt32BE(at + 1)) {
    if (view[at] === 0x5a && at + 6 <= view.length) {
      status = String.fromCharCode(view[at + 5]!) as TransactionStatus;
    }
  }
  return status;
}

/** A frontend Sync ('S') message: ends an extended-protocol sequence and reports the status. */
export const SYNC_MESSAGE = Buffer.from([0x53, 0, 0, 0, 4]);

/** A frontend simple Query ('Q') message for `sql`. */
export function simpleQueryMessage(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('Q', 0, 'latin1');
  header.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([header, text]);
}

/** A FATAL ErrorResponse ('E') with SQLSTATE `code`, for refusing a connection. */
export function fatalErrorMessage(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('E', 0, 'latin1');
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
