// Random string keys that are hard to order by their bytes: few characters, so keys collide
// and share prefixes (of 0, 7, 8, 11, 12 and 24 bytes: around the 12 bytes that the sort's
// window and the merge's prefix words hold), with NULs, characters on both sides
// of the UTF-8/UTF-16 order difference (U+E000..U+FFFF and beyond U+FFFF), and others.
export function trickyKeys(count: number, seed: number): string[] {
  let x = seed;
  const rand = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n; // an LCG's low bits repeat with short periods
  };
  const alphabet = ['a', 'b', '\u0000', 'é', '\ud7ff', '\ue000', '\uffff', '😀', '\u{10ffff}', '中'];
  const prefixes = ['', 'http://example.com/path/', 'aaaaaaaaaaaa', 'aaaaaaaaaaa', 'abcdefg', 'abcdefgh'];
  return Array.from({ length: count }, () => {
    let key = prefixes[rand(prefixes.length)] as string;
    const length = rand(16);
    for (let i = 0; i < length; i++) key += alphabet[rand(alphabet.length)];
    return key;
  });
}
