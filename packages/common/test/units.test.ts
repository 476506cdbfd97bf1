import { InvalidArgumentError, parseDuration, parseSize, sizeSchema } from '../src';

test('sizes take powers-of-1024 units, as HDFS flags do', () => {
  expect(parseSize('1048576')).toBe(1048576);
  expect(parseSize(512)).toBe(512);
  expect(parseSize('64MB')).toBe(64 * 2 ** 20);
  expect(parseSize('64m')).toBe(64 * 2 ** 20);
  expect(parseSize('1GiB')).toBe(2 ** 30);
  expect(parseSize('512KB')).toBe(512 * 1024);
  expect(parseSize('1.5k')).toBe(1536);
});

test('a bad size names itself', () => {
  expect(() => parseSize('64 furlongs', 'block size')).toThrow(InvalidArgumentError);
  expect(() => parseSize('-1', 'block size')).toThrow(/block size '-1' is not a size/);
  expect(() => parseSize('0.3')).toThrow(/whole number/);
});

test('durations take ms, s, m, h; a bare number is ms', () => {
  expect(parseDuration('250')).toBe(250);
  expect(parseDuration('100ms')).toBe(100);
  expect(parseDuration('3s')).toBe(3000);
  expect(parseDuration('1m')).toBe(60_000);
  expect(parseDuration('1h')).toBe(3_600_000);
  expect(() => parseDuration('soon', 'heartbeat interval')).toThrow(/heartbeat interval 'soon' is not a duration/);
});

test('the zod size field reports the bad value as an issue', () => {
  expect(sizeSchema.parse('2MB')).toBe(2 * 2 ** 20);
  const result = sizeSchema.safeParse('lots');
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toMatch(/'lots' is not a size/);
});
