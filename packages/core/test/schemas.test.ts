import { describe, expect, it } from 'vitest';
import {
  ClosureSchema,
  ContactSchema,
  dataKinds,
  explainIssues,
  FeedbackSchema,
  formatFieldPath,
  LocalizedTextSchema,
  NewsItemSchema,
  ProgrammeSchema,
  ProvinceIdSchema,
  provinceName,
  provinces,
  ScheduleEntrySchema,
  ServiceBaseSchema,
  schemaRegistry,
  validateRecord,
} from '../src/schemas/index.ts';
import { closestName } from '../src/schemas/strict.ts';
import { minimalBase } from './minimal-base.ts';

/** Explained problems of `value` against `schema`, as `field: message` lines. */
function problems(schema: Parameters<typeof validateRecord>[0], value: unknown): string[] {
  const check = validateRecord(schema, value);
  return check.ok ? [] : check.issues.map((issue) => `${issue.field}: ${issue.message}`);
}

const fields = (lines: string[]) => lines.map((line) => line.slice(0, line.indexOf(':')));

describe('LocalizedText', () => {
  it('needs Persian and allows English', () => {
    expect(LocalizedTextSchema.parse({ fa: 'سلام', en: 'Hello' })).toEqual({
      fa: 'سلام',
      en: 'Hello',
    });
    expect(problems(LocalizedTextSchema, { en: 'Hello' })).toEqual([
      'fa: required field is missing',
    ]);
  });

  it('refuses empty and blank text, and unknown languages with a suggestion', () => {
    expect(problems(LocalizedTextSchema, { fa: '' })).toEqual(['fa: must not be empty']);
    expect(problems(LocalizedTextSchema, { fa: '   ' })).toEqual(['fa: must not be only spaces']);
    expect(problems(LocalizedTextSchema, { fa: 'x', eng: 'y' })).toEqual([
      "eng: unknown field 'eng' — check the spelling (did you mean 'en'?)",
    ]);
  });
});

describe('ServiceBase', () => {
  it('applies defaults to a minimal record', () => {
    const base = ServiceBaseSchema.parse(minimalBase);
    expect(base).toMatchObject({
      sample: false,
      phones: [],
      schedules: [],
      closures: [],
      languages: ['fa'],
    });
    expect(base.address.country).toBe('IR');
  });

  it('normalizes phone numbers written in any digit set', () => {
    const base = ServiceBaseSchema.parse({
      ...minimalBase,
      phones: [{ number: '۱۲۳' }, { number: '١٤٨٠' }, { number: '(031) 0000-0000' }],
    });
    expect(base.phones.map((phone) => phone.number)).toEqual(['123', '1480', '03100000000']);
    expect(base.phones[0]?.type).toBe('voice');
  });

  it('explains coordinates outside Iran', () => {
    expect(
      problems(ServiceBaseSchema, { ...minimalBase, location: { latitude: 52.1, longitude: 30 } }),
    ).toEqual([
      'location.latitude: latitude 52.1 is outside Iran (24 to 40.5); check that latitude and longitude are not swapped',
      'location.longitude: longitude 30 is outside Iran (44 to 63.5)',
    ]);
  });

  it('reports every bad field at once, each at its own path', () => {
    const lines = problems(ServiceBaseSchema, {
      ...minimalBase,
      id: 'Hesseh Base',
      province: 'esfahan',
      phon: [],
      email: 'nope',
      languages: ['fa', 'fa'],
      services: [
        { id: 'counselling', name: { fa: 'مشاوره' } },
        { id: 'counselling', name: { fa: 'مشاوره' } },
      ],
    });
    expect(fields(lines)).toEqual([
      'id',
      'province',
      'email',
      'services[2]',
      'languages[2]',
      'phon',
    ]);
    expect(lines.at(-1)).toBe(
      "phon: unknown field 'phon' — check the spelling (did you mean 'phones'?)",
    );
  });

  it('says a missing field is missing', () => {
    const { county: _county, ...withoutCounty } = minimalBase;
    expect(problems(ServiceBaseSchema, withoutCounty)).toEqual([
      'county: required field is missing',
    ]);
  });
});

describe('ScheduleEntry and Closure (shared contract with hours.ts)', () => {
  it('accepts split hours, 24:00 and intervals past midnight', () => {
    for (const entry of [
      { byday: 'SA,SU,MO,TU,WE', opens_at: '08:00', closes_at: '12:00' },
      { byday: 'SA', opens_at: '16:00', closes_at: '24:00' },
      {
        byday: 'TH,FR',
        opens_at: '22:00',
        closes_at: '02:00',
        valid_from: '2025-03-21',
        valid_to: '2025-09-22',
      },
    ]) {
      expect(ScheduleEntrySchema.parse(entry)).toEqual(entry);
    }
  });

  it('refuses bad days, times and date ranges', () => {
    expect(
      problems(ScheduleEntrySchema, { byday: 'SA,SA', opens_at: '08:00', closes_at: '12:00' }),
    ).toEqual(["byday: 'SA,SA' names a day twice"]);
    expect(
      fields(problems(ScheduleEntrySchema, { byday: 'sat', opens_at: '8:00', closes_at: '24:30' })),
    ).toEqual(['byday', 'opens_at', 'closes_at']);
    expect(
      problems(ScheduleEntrySchema, { byday: 'SA', opens_at: '08:00', closes_at: '08:00' }),
    ).toEqual([
      'closes_at: closes_at equals opens_at (08:00); for a whole day write 00:00 to 24:00',
    ]);
    expect(
      fields(
        problems(ScheduleEntrySchema, {
          byday: 'SA',
          opens_at: '08:00',
          closes_at: '12:00',
          valid_from: '2025-06-01',
          valid_to: '2025-05-01',
        }),
      ),
    ).toEqual(['valid_to']);
  });

  it('takes a closure as a full day or special hours, never half of the hours', () => {
    expect(ClosureSchema.parse({ date: '2025-03-21' })).toEqual({ date: '2025-03-21' });
    expect(
      ClosureSchema.parse({ date: '2025-03-19', opens_at: '08:00', closes_at: '12:00' }),
    ).toMatchObject({
      opens_at: '08:00',
    });
    expect(fields(problems(ClosureSchema, { date: '2025-03-19', opens_at: '08:00' }))).toEqual([
      'closes_at',
    ]);
    expect(problems(ClosureSchema, { date: '1404-01-01' })).toEqual([
      "date: '1404-01-01' looks like a Solar Hijri date; write the Gregorian date as YYYY-MM-DD (e.g. 2025-03-21)",
    ]);
    expect(fields(problems(ClosureSchema, { date: '2025-02-30' }))).toEqual(['date']);
  });
});

describe('provinces', () => {
  it('lists the 31 provinces with unique ids and Persian and English names', () => {
    expect(provinces).toHaveLength(31);
    expect(new Set(provinces.map((province) => province.id)).size).toBe(31);
    expect(provinceName('kerman')).toEqual({ fa: 'کرمان', en: 'Kerman' });
    expect(ProvinceIdSchema.safeParse('esfahan').success).toBe(false);
  });
});

describe('NewsItem', () => {
  const news = {
    title: 'خبر نمونه',
    summary: 'خلاصه',
    code: '۱۲۳۴',
    office: 'روابط عمومی',
  };

  it('reads Solar Hijri and Gregorian dates in any digit set as the start of the Tehran day', () => {
    const expected = new Date('2024-08-01T20:30:00Z');
    for (const date of [
      '1403-05-12',
      '۱۴۰۳/۰۵/۱۲',
      '١٤٠٣-٠٥-١٢',
      '2024-08-02',
      new Date('2024-08-02T00:00:00Z'),
    ]) {
      expect(NewsItemSchema.parse({ ...news, date }).date).toEqual(expected);
    }
  });

  it('normalizes the news code and requires alt text on pictures', () => {
    expect(NewsItemSchema.parse({ ...news, date: '1403-05-12' }).code).toBe('1234');
    expect(
      problems(NewsItemSchema, {
        ...news,
        date: '1403-13-01',
        image: { src: './a.jpg', alt: ' ' },
      }),
    ).toEqual([
      "date: '1403-13-01' is not a real date: write YYYY-MM-DD or YYYY/MM/DD, Solar Hijri (e.g. 1403-05-12) or Gregorian (e.g. 2024-08-02), in any digits",
      'image.alt: must not be only spaces',
    ]);
  });
});

describe('Feedback', () => {
  it('reports a body that is not an object instead of throwing', () => {
    for (const body of [null, 'text', 42, []]) {
      expect(FeedbackSchema.safeParse(body).success).toBe(false);
    }
  });

  const feedback = {
    category: 'complaint',
    message: 'متن',
    about: { serviceBaseId: 'isfahan-hesseh' },
    consent: true,
  };

  it('normalizes mobile numbers in any digit set and keeps e-mail addresses', () => {
    for (const contact of [
      '09123456789',
      '۰۹۱۲ ۳۴۵ ۶۷۸۹',
      '+989123456789',
      '00989123456789',
      '٠٩١٢-٣٤٥-٦٧٨٩',
    ]) {
      expect(ContactSchema.parse(contact)).toBe('09123456789');
    }
    expect(ContactSchema.parse(' someone@example.org ')).toBe('someone@example.org');
    expect(ContactSchema.safeParse('0912').success).toBe(false);
    expect(ContactSchema.safeParse('someone@').success).toBe(false);
  });

  it('keeps anonymous submissions free of name and contact', () => {
    expect(FeedbackSchema.parse({ ...feedback, anonymous: true })).toMatchObject({
      anonymous: true,
      lang: 'fa',
    });
    expect(
      fields(
        problems(FeedbackSchema, {
          ...feedback,
          anonymous: true,
          name: 'x',
          contact: '09123456789',
        }),
      ),
    ).toEqual(['name', 'contact']);
  });

  it('needs consent, a message within 4000 characters and what it is about', () => {
    const lines = problems(FeedbackSchema, {
      ...feedback,
      consent: false,
      message: 'x'.repeat(4001),
      about: {},
    });
    expect(fields(lines)).toEqual(['message', 'about', 'consent']);
  });
});

const programme = {
  id: 'community-rehabilitation',
  title: { fa: 'توانبخشی مبتنی بر جامعه' },
  summary: { fa: 'خلاصه' },
  questions: [
    { id: 'disability', type: 'yes-no', text: { fa: 'آیا معلولیت دارید؟' } },
    {
      id: 'area',
      type: 'one-of',
      text: { fa: 'کجا زندگی می‌کنید؟' },
      options: [
        { value: 'city', label: { fa: 'شهر' } },
        { value: 'village', label: { fa: 'روستا' } },
      ],
    },
    {
      id: 'household',
      type: 'household',
      text: { fa: 'اعضای خانوار' },
      member_questions: [{ id: 'member_age', type: 'age', text: { fa: 'سن' } }],
    },
  ],
  rules: [
    {
      when: {
        all: [
          { question: 'disability', equals: true },
          { not: { question: 'area', equals: 'city' } },
          {
            count: { household: 'household', where: { question: 'member_age', at_least: 65 } },
            at_least: 1,
          },
        ],
      },
      outcome: 'likely',
      reason: { fa: 'دلیل' },
    },
  ],
  otherwise: { outcome: 'maybe', reason: { fa: 'دلیل' } },
  next_step: { text: { fa: 'مراجعه به پایگاه' }, nearest_base: true },
};

describe('Programme', () => {
  it('accepts nested conditions and household counts', () => {
    const parsed = ProgrammeSchema.parse(programme);
    expect(parsed.documents).toEqual([]);
    expect(parsed.next_step.nearest_base).toBe(true);
  });

  it('finds the alternative of a condition the data most resembles', () => {
    const broken = structuredClone(programme) as typeof programme & { rules: { when: unknown }[] };
    broken.rules[0] = {
      ...programme.rules[0],
      when: { question: 'disability', equal: true },
    } as never;
    expect(problems(ProgrammeSchema, broken)).toEqual([
      "rules[1].when.equal: unknown field 'equal' — check the spelling (did you mean 'equals'?)",
    ]);
  });

  it('reports dangling and ill-fitting references', () => {
    const broken = structuredClone(programme) as unknown as {
      rules: { when: unknown; sources?: string[] }[];
    };
    broken.rules = [
      {
        when: {
          any: [
            { question: 'nope', equals: true },
            { question: 'area', equals: 'town' },
            { question: 'disability', at_least: 1 },
            { count: { household: 'area' }, at_least: 1 },
            {
              count: { household: 'household', where: { question: 'disability', equals: true } },
              equals: 1,
            },
          ],
        },
        sources: ['nowhere'],
      },
    ].map((rule) => ({ ...rule, outcome: 'likely', reason: { fa: 'دلیل' } }));
    expect(fields(problems(ProgrammeSchema, broken))).toEqual([
      'rules[1].when.any[1].question',
      'rules[1].when.any[2].equals',
      'rules[1].when.any[3].at_least',
      'rules[1].when.any[4].count.household',
      'rules[1].when.any[5].count.where.question',
      'rules[1].sources[1]',
    ]);
  });
});

describe('explainIssues and helpers', () => {
  it('formats paths with list positions counted from 1', () => {
    expect(formatFieldPath(['phones', 1, 'number'])).toBe('phones[2].number');
    expect(formatFieldPath([])).toBe('');
  });

  it('suggests close names only', () => {
    expect(closestName('emial', ['email', 'url'])).toBe('email');
    expect(closestName('phon', ['phones'])).toBe('phones');
    expect(closestName('colour', ['phones', 'email'])).toBeUndefined();
  });

  it('still says "missing" without reportInput', () => {
    const result = LocalizedTextSchema.safeParse({});
    expect(result.success).toBe(false);
    if (!result.success)
      expect(explainIssues(result.error.issues)[0]?.message).toBe('required field is missing');
  });

  it('has a schema for every kind', () => {
    expect(Object.keys(schemaRegistry).sort()).toEqual([...dataKinds].sort());
  });
});
