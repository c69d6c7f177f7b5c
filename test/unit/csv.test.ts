/** CSV cells: quoted as RFC 4180 says, and never a formula a spreadsheet would run (OWASP CSV injection). */
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula } from '../../shared/csv';
import { historiesToCsv } from '../../shared/export';

describe('neutraliseFormula', () => {
  it.each(['=1+1', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","x")'])(
    '%j becomes text with a leading quote',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['-0.5', '-1', '+3', '-1e-7', '-.5', 'lr 0.1', 'a=b', '', 'sweep: lr -1'])('%j is left as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(null)).toBe('');
  });

  it('leaves numbers, negative ones included, as numbers', () => {
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField(2.302585)).toBe('2.302585');
    expect(csvField(-1e-7)).toBe('-1e-7');
  });

  it('neutralises a formula before quoting it', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvField('-2+3')).toBe("'-2+3");
  });
});

describe('historiesToCsv', () => {
  it('writes a run named like a formula as text, its numbers unchanged', () => {
    const csv = historiesToCsv([{ id: '20261128-103400-3f9a1c', name: '@SUM(A1)', iterations: [0], losses: [2.3], epochs: [] }]);
    expect(csv.split('\n')[1]).toBe("20261128-103400-3f9a1c,'@SUM(A1),0,,2.3,2.3,0.6,,");
  });
});
