import fc from 'fast-check';
import { decodeCsv, parseCsv, readSheet } from './import-file';

describe('CSV reading', () => {
  it('parses quotes, doubled quotes, commas and CRLF inside quoted fields', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n"multi\r\nline",x,\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['multi\r\nline', 'x', ''],
    ]);
  });

  it('drops blank lines', () => {
    expect(parseCsv('a,b\n\n,\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const cell = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
        const text = nonBlank.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text)).toEqual(nonBlank);
      }),
    );
  });

  it('decodes UTF-8 with a BOM and falls back to GB18030', () => {
    expect(decodeCsv(Buffer.from('\uFEFF姓名'))).toBe('姓名');
    expect(decodeCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('姓名');
  });

  it('refuses binary content whatever the name', async () => {
    await expect(readSheet(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).rejects.toThrow('Unsupported file');
    await expect(readSheet(Buffer.alloc(0))).rejects.toThrow('empty');
  });
});
