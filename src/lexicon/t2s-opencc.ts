import * as OpenCC from 'opencc-js';

/**
 * The traditional → simplified character map from opencc-js (one call over the BMP CJK blocks).
 * Only the generator script and the test that keeps t2s-pairs.ts in sync load it: building the
 * converter costs ~0.15 s, which every scan and worker thread would otherwise pay.
 */
export function t2sPairsFromOpencc(): Array<[number, number]> {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  const chars: string[] = [];
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
  const out = convert(chars.join('\n')).split('\n');
  const pairs: Array<[number, number]> = [];
  if (out.length !== chars.length) throw new Error('opencc-js changed its output shape');
  for (let i = 0; i < chars.length; i++) {
    const to = out[i] as string;
    if (to.length === 1 && to !== chars[i])
      pairs.push([(chars[i] as string).charCodeAt(0), to.charCodeAt(0)]);
  }
  return pairs;
}
