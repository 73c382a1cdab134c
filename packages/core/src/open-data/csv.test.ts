import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../cli/read-records.ts';
import { serviceBaseCsvColumns } from '../cli/service-base-csv.ts';
import { validateServiceBases } from '../locator/validate.ts';
import { type ServiceBase, ServiceBaseSchema } from '../schemas/service-base.ts';
import { fromSpreadsheetCell, readCsvCells } from '../spreadsheet.ts';
import {
  compactDays,
  compactSchedules,
  csvField,
  csvRow,
  spreadsheetSafe,
  toServiceBaseCsv,
  UTF8_BOM,
} from './csv.ts';
import { csvRowSchema } from './schemas.ts';
import { datasetBases, fullBase, hsdsAjv } from './test-fixtures.ts';

/** The fields the flat spreadsheet layout has no column for (they are in the HSDS download). */
function flatView(base: ServiceBase): ServiceBase {
  const { address_2: _address2, ...address } = base.address;
  return {
    ...base,
    address,
    phones: base.phones.map(({ number }) => ({ number, type: 'voice' })),
    schedules: base.schedules.map(({ byday, opens_at, closes_at }) => ({
      byday,
      opens_at,
      closes_at,
    })),
    closures: base.closures.map(({ description: _description, ...closure }) => closure),
    services: base.services.map(({ id, name }) => ({ id, name })),
    accessibility: base.accessibility.map(({ description }) => ({ description })),
  };
}

/** The CSV read back through the data team's reader and validator. */
function readBack(csv: string): ServiceBase[] {
  const read = readRecords(csv, 'csv');
  expect(read.problems).toEqual([]);
  for (const record of read.records) expect(record.problems).toEqual([]);
  const { bases, skipped } = validateServiceBases(read.records.map((record) => record.value));
  expect(skipped).toEqual([]);
  return bases;
}

describe('csv fields', () => {
  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+98 21', "'+98 21"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\uFF1D1', "'\uFF1D1"],
    [-1, '-1'],
    [undefined, ''],
  ])('quotes %j as RFC 4180 and neutralises formulas: %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('neutralises bidi controls', () => {
    expect(spreadsheetSafe('a\u202Eb')).toBe('ab');
  });

  it('guards cells a spreadsheet could read as formulas after spaces, invisibles or separators', () => {
    for (const [text, written] of [
      [' =1+1', "' =1+1"],
      ['\u200C=1', "'\u200C=1"],
      ['\uFEFF+98', "'\uFEFF+98"],
      ['\u200F\u00A0-2', "'\u200F\u00A0-2"],
      ['"=1', '\'"=1'],
      ['ok;=cmd()', "ok;'=cmd()"],
      ['a\t@x', "a\t'@x"],
      ['a, -b', "a,' -b"],
      ["'=already", "''=already"],
      ["it's fine", "it's fine"],
      ['سلام =1', 'سلام =1'],
      ['beep\u0007 \u001B[31mred\u009B', 'beep\u2407 \u241B[31mred\uFFFD'],
    ] as const) {
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(written);
      if (!/(?!\t)\p{Cc}/u.test(text)) {
        expect(fromSpreadsheetCell(written)).toBe(text);
      }
    }
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a\tb')).toBe('"a\tb"');
  });

  it('reads back what it wrote, and leaves no cell a spreadsheet could run (generated)', () => {
    const nasty = fc.string({
      unit: fc.constantFrom(
        ...'=+-@\t\r\n ,;\'"\u200C\u200D\uFEFF\u200E\u200F\u061C\u00A0\uFF1Dab۱1()\u{E0001}',
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(nasty, { minLength: 1, maxLength: 4 }), { minLength: 1 }),
        (rows) => {
          // As the writers do: a byte-order mark first (a cell may start with one of its own).
          const csv = UTF8_BOM + rows.map((row) => csvRow(row)).join('');
          expect(readCsvCells(csv)).toEqual(rows);
          // Split as a careless spreadsheet might (any delimiter, quotes ignored): no piece may
          // start, after spaces, invisibles and quotes, with a formula character.
          for (const piece of csv.split(/[,;\t\r\n]/)) {
            expect(piece.replace(/^[\p{Zs}\p{Cf}"]+/u, '')).not.toMatch(/^[=+\-@\uFF1D]/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes day lists in Iranian week order, runs as ranges', () => {
    expect(compactDays('SA,SU,MO,TU,WE')).toBe('SA-WE');
    expect(compactDays('SA,MO')).toBe('SA,MO');
    expect(compactDays('FR,SA,SU,MO,TU,WE,TH')).toBe('SA-FR');
    expect(compactDays('SA,SU,TU,WE,TH')).toBe('SA,SU,TU-TH');
    expect(compactSchedules(fullBase.schedules)).toBe(
      'SA-WE 07:30-14:00; SA,MO 16:00-19:00; FR 00:00-24:00',
    );
  });
});

describe('toServiceBaseCsv', () => {
  const bases = datasetBases();
  const csv = toServiceBaseCsv(bases);

  it('starts with a UTF-8 BOM and the data team header, CRLF line ends, Persian intact', () => {
    expect(csv.startsWith(`${UTF8_BOM}id,sample,name_fa,`)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(UTF8_BOM + serviceBaseCsvColumns.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(bases[0]?.name.fa);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('parses back to the same records through validate-data’s reader (round trip)', () => {
    const back = readBack(csv);
    expect(back).toHaveLength(bases.length);
    expect(back).toEqual(bases.map(flatView));
  });

  it('round-trips a base that fills every optional field', () => {
    const awkward = ServiceBaseSchema.parse({
      ...fullBase,
      description: { fa: 'متن، با "نقل‌قول"', en: 'Line one\nline two' },
    });
    expect(readBack(toServiceBaseCsv([awkward]))).toEqual([flatView(awkward)]);
  });

  it('round-trips generated text and phones starting with + through the data team’s reader', () => {
    const text = fc
      .string({
        unit: fc.constantFrom(...'=+-@ ,\'"\u200C\uFEFF\u200FabcسلامX1۲'),
        minLength: 1,
        maxLength: 16,
      })
      .filter((value) => value.trim() === value && /[a-zسلامX]/.test(value));
    const phone = fc.constantFrom('+98 31 3456 7890', '+982188776655', '1480', '031 3456 7890');
    fc.assert(
      fc.property(
        text,
        text,
        fc.uniqueArray(phone, { minLength: 1, maxLength: 3 }),
        (fa, en, phones) => {
          const parsed = ServiceBaseSchema.safeParse({
            ...fullBase,
            name: { fa, en },
            description: { fa: en, en: fa },
            phones: phones.map((number) => ({ number })),
          });
          fc.pre(parsed.success);
          const base = parsed.data as ServiceBase;
          expect(readBack(toServiceBaseCsv([base]))).toEqual([flatView(base)]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a formula from running: the cell gets an apostrophe', () => {
    const rows = parse(toServiceBaseCsv([fullBase]), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows[0]?.description_fa).toBe(`'${fullBase.description?.fa}`);
  });

  it('every row matches the published CSV row schema', () => {
    const validate = hsdsAjv().compile(csvRowSchema());
    const rows = parse(toServiceBaseCsv([...bases, fullBase]), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(bases.length + 1);
    for (const row of rows) {
      const cells = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
      expect(validate(cells), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ id: 'Bad Id' })).toBe(false);
  });

  it('the test base fills every field of the schema (so the mapping tests see them all)', () => {
    const present = Object.keys(fullBase).filter((key) => {
      const value = (fullBase as Record<string, unknown>)[key];
      return value !== undefined && !(Array.isArray(value) && value.length === 0);
    });
    expect(present.sort()).toEqual(Object.keys(ServiceBaseSchema.shape).sort());
  });
});
