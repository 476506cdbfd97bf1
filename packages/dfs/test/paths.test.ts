import { InvalidArgumentError } from '@tsmr/common';
import { baseName, isWithin, joinPath, normalizePath, parentPath } from '../src/paths';
import { checkBlockId } from '../src/block-id';

test('paths are made canonical', () => {
  expect(normalizePath('/')).toBe('/');
  expect(normalizePath('/a/b/')).toBe('/a/b');
  expect(normalizePath('a/b')).toBe('/a/b');
  expect(normalizePath('/logs/2026-11/été.log')).toBe('/logs/2026-11/été.log');
});

test.each([
  ['/a/../b', /contains '\.\.'/],
  ['/a/./b', /contains '\.'/],
  ['/a//b', /empty component/],
  ['/a\0b', /NUL or control character/],
  ['/a\nb', /NUL or control character/],
  ['', /path is empty/],
])('%j is refused', (path, message) => {
  expect(() => normalizePath(path)).toThrow(InvalidArgumentError);
  expect(() => normalizePath(path)).toThrow(message);
});

test('path helpers', () => {
  expect(parentPath('/a/b')).toBe('/a');
  expect(parentPath('/a')).toBe('/');
  expect(baseName('/a/b')).toBe('b');
  expect(joinPath('/', 'x')).toBe('/x');
  expect(joinPath('/a', 'x')).toBe('/a/x');
  expect(isWithin('/a/b', '/a')).toBe(true);
  expect(isWithin('/ab', '/a')).toBe(false);
});

test('block ids that could name a path are refused', () => {
  expect(checkBlockId('blk_42')).toBe('blk_42');
  for (const forged of ['../../etc/passwd', 'blk_1/../x', 'blk_', 'blk_01', 'blk_-1', 'BLK_1', 'blk_1 ']) {
    expect(() => checkBlockId(forged)).toThrow(InvalidArgumentError);
  }
});
