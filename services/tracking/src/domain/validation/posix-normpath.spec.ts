import { posixNormpath } from './posix-normpath';

describe('posixNormpath', () => {
  it.each([
    ['', '.'],
    ['a', 'a'],
    ['a/b', 'a/b'],
    ['a//b', 'a/b'],
    ['a/./b', 'a/b'],
    ['a/', 'a'],
    ['./a', 'a'],
    ['a/../b', 'b'],
    ['../a', '../a'],
    ['a/../../b', '../b'],
    ['/a/../..', '/'],
    ['//a', '//a'],
    ['///a', '/a'],
    ['.', '.'],
  ])('normalizes %j to %j as Python does', (input, expected) => {
    expect(posixNormpath(input)).toBe(expected);
  });
});
