import { InvalidParamError, resolveParams } from '@tsmr/sdk';

const defaults = { month: '2026-11', limit: 10, verbose: false, codes: [200, 304], opts: { a: 1 }, anything: null };

describe('resolveParams', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(resolveParams(defaults, {})).toEqual(defaults);
  });

  it('parses each override as the type of its default', () => {
    const p = resolveParams(defaults, {
      month: '2026-10',
      limit: '2.5',
      verbose: 'true',
      codes: '[500]',
      opts: '{"b": [1]}',
      anything: '"x"',
    });
    expect(p).toEqual({ month: '2026-10', limit: 2.5, verbose: true, codes: [500], opts: { b: [1] }, anything: 'x' });
    const typed: { readonly month: string; readonly limit: number } = p;
    expect(typed.limit).toBe(2.5);
  });

  it('keeps a string param as given, even when it looks like a number', () => {
    expect(resolveParams({ s: 'a' }, { s: '42' }).s).toBe('42');
  });

  it('does not change the defaults object', () => {
    resolveParams(defaults, { limit: '3' });
    expect(defaults.limit).toBe(10);
  });

  it('names an unknown param and lists the known ones', () => {
    expect(() => resolveParams(defaults, { mnth: '2026-10' })).toThrow(InvalidParamError);
    expect(() => resolveParams(defaults, { mnth: '2026-10' })).toThrow(
      'unknown param "mnth"; known params: month, limit, verbose, codes, opts, anything',
    );
    expect(() => resolveParams({}, { x: '1' })).toThrow('unknown param "x"; this job declares no params');
  });

  it('does not take inherited names for params', () => {
    expect(() => resolveParams(defaults, { toString: 'x' })).toThrow(/unknown param "toString"/);
  });

  it.each([
    ['limit', 'abc', 'param "limit" expects a number, got "abc"'],
    ['limit', '', 'param "limit" expects a number, got ""'],
    ['limit', 'Infinity', 'param "limit" expects a number, got "Infinity"'],
    ['verbose', 'yes', 'param "verbose" expects a boolean (true or false), got "yes"'],
    ['codes', '{"a":1}', 'param "codes" expects a JSON array, got "{\\"a\\":1}"'],
    ['codes', '[1,', 'param "codes" expects a JSON array, got "[1,"'],
    ['opts', '[1]', 'param "opts" expects a JSON object, got "[1]"'],
    ['anything', 'not json', 'param "anything" expects JSON, got "not json"'],
  ])('rejects %s=%j naming the param, the expected type and the value', (name, value, message) => {
    expect(() => resolveParams(defaults, { [name]: value })).toThrow(message);
  });
});
