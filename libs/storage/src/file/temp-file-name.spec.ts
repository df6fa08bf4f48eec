import { isTempFileName, tempFileName } from './temp-file-name';

describe('temp file names', () => {
  it('are recognised, so listings hide in-flight writes', () => {
    expect(isTempFileName(tempFileName('model.onnx'))).toBe(true);
  });

  it('differ on every call, so concurrent writers of one key never share a temp file', () => {
    expect(tempFileName('m')).not.toBe(tempFileName('m'));
  });

  it('do not match ordinary names', () => {
    for (const name of ['model.onnx', '.hidden', 'x.partial', '.x.123.partial'])
      expect(isTempFileName(name)).toBe(false);
  });
});
