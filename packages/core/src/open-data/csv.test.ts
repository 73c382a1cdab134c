import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../cli/read-records.ts';
import { serviceBaseCsvColumns } from '../cli/service-base-csv.ts';
import { validateServiceBases } from '../locator/validate.ts';
import { type ServiceBase, ServiceBaseSchema } from '../schemas/service-base.ts';
import {
  compactDays,
  compactSchedules,
  csvField,
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
  it('quotes as RFC 4180 and neutralises formulas and bidi controls', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+98 21')).toBe("'+98 21");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\uFF1D1')).toBe("'\uFF1D1");
    expect(spreadsheetSafe('a\u202Eb')).toBe('ab');
    expect(csvField(-1)).toBe('-1');
    expect(csvField(undefined)).toBe('');
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
