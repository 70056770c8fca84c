import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstBadChar, parseAigc, serializeAigc } from './aigc.js';
import { checkProviderCode, isCreditCode } from './provider-code.js';

const CODE = '001191110102MAD55U9H0F10002';
const ok = { Label: '1', ContentProducer: CODE, ProduceID: 'img-0001' } as const;
const codes = (raw: string) => parseAigc(raw).issues.map((i) => `${i.severity}:${i.code}:${i.field ?? ''}`);

describe('AIGC value (GB 45438 Annex E)', () => {
  it('accepts the inner object and the wrapped {"AIGC":{…}} form', () => {
    expect(parseAigc(JSON.stringify(ok)).value).toEqual(ok);
    expect(parseAigc(JSON.stringify({ AIGC: ok })).value).toEqual(ok);
  });

  it('reports each field error by name', () => {
    expect(codes('{')).toEqual(['error:json:']);
    expect(codes('[1]')).toEqual(['error:not-object:']);
    expect(codes(JSON.stringify({ ...ok, Label: 1 }))).toContain('error:not-string:Label');
    expect(codes(JSON.stringify({ ...ok, Label: '4' }))).toContain('error:label-value:Label');
    expect(codes(JSON.stringify({ Label: '1' }))).toEqual([
      'error:missing:ContentProducer',
      'error:missing:ProduceID',
    ]);
    expect(codes(JSON.stringify({ ...ok, ProduceID: 'a b' }))).toContain('error:charset:ProduceID');
    expect(codes(JSON.stringify({ ...ok, ContentProducer: '某公司' }))).toContain(
      'error:charset:ContentProducer',
    );
    expect(codes(JSON.stringify({ ...ok, Extra: 'x' }))).toEqual(['warning:unknown-field:Extra']);
  });

  it('a malformed TC260 provider code is an error, another identifier a warning', () => {
    expect(codes(JSON.stringify({ ...ok, ContentProducer: '001191110102MAD55U9H0X10002' }))).toContain(
      'error:provider-code:ContentProducer',
    );
    expect(codes(JSON.stringify({ ...ok, ContentProducer: 'acme-ai' }))).toEqual([
      'warning:provider-code:ContentProducer',
    ]);
  });

  it('allows the quote only because JSON escapes it as \\"', () => {
    expect(firstBadChar('a"b')).toBeUndefined();
    expect(firstBadChar('a\\b')).toBe('\\');
    expect(firstBadChar(' ')).toBe(' ');
    expect(parseAigc(JSON.stringify({ ...ok, ProduceID: 'q"1' })).value?.ProduceID).toBe('q"1');
  });

  it('serialises in annex order and parses back to the same value (property)', () => {
    const allowed = fc.string({
      unit: fc.constantFrom(...'!#$%&()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~"'.split('')),
      minLength: 1,
    });
    fc.assert(
      fc.property(fc.constantFrom('1', '2', '3'), allowed, allowed, (Label, ProduceID, PropagateID) => {
        const v = { Label, ContentProducer: CODE, ProduceID, PropagateID } as const;
        const text = serializeAigc(v);
        expect(Object.keys(JSON.parse(text))).toEqual([
          'Label',
          'ContentProducer',
          'ProduceID',
          'PropagateID',
        ]);
        expect(parseAigc(text).value).toEqual(v);
      }),
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseAigc(s)));
    fc.assert(fc.property(fc.jsonValue(), (j) => void parseAigc(JSON.stringify(j))));
  });
});

describe('provider code (TC260 guide)', () => {
  it('parses the guide example', () => {
    expect(checkProviderCode(CODE)).toEqual({
      code: { subjectType: '11', creditCode: '91110102MAD55U9H0F', serviceType: '1', serviceCode: '0002' },
      problems: [],
    });
  });
  it('names what is wrong', () => {
    expect(checkProviderCode('0011').problems).toEqual(['length']);
    expect(checkProviderCode('001191110102MAD55U9H0G10002').problems).toEqual(['credit-code-check']);
    expect(checkProviderCode('001191110102MAD55U9H0F30002').problems).toEqual(['service-type']);
    expect(checkProviderCode('101291110102MAD55U9H0F1000_').problems).toEqual([
      'prefix',
      'subject-type',
      'service-code',
    ]);
  });
  it('checks the GB 32100 check character', () => {
    expect(isCreditCode('91110102MAD55U9H0F')).toBe(true);
    expect(isCreditCode('91110102MAD55U9H0I')).toBe(false);
  });
});
