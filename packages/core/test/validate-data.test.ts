import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatIssue,
  type ValidationIssue,
  validateFiles,
  validateText,
} from '../src/cli/validate.ts';
import { main } from '../src/cli/validate-data.ts';
import { core, runBin, runInProcess } from './cli.ts';
import { minimalBase } from './minimal-base.ts';

const fixture = (path: string) => join(core, 'test/fixtures', path);

const runCli = (...args: string[]) => runBin('bin/validate-data.mjs', args);
const runMain = (...args: string[]) => runInProcess(main, args);

/** `record: field` of each issue, to compare against the fields a fixture breaks on purpose. */
const where = (issues: ValidationIssue[]) =>
  issues.map((issue) => `${issue.record ?? ''}: ${issue.field}`);

describe('validate-data on the valid fixtures', () => {
  it('finds no errors in any format', () => {
    const result = validateFiles([fixture('valid')]);
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.files).toBe(7);
    expect(result.records).toBe(11);
  });

  it('exits 0 from the real command with a summary line', () => {
    const { code, stdout } = runCli('test/fixtures/valid');
    expect(stdout.trim()).toBe('7 files, 11 records, 0 errors');
    expect(code).toBe(0);
  });
});

describe('validate-data on the broken fixtures reports every bad field', () => {
  const check = (path: string) => validateFiles([fixture(path)]).issues;

  it('JSON service bases', () => {
    expect(where(check('broken/service-bases/broken.json'))).toEqual([
      'isfahan-broken: name.fa',
      'isfahan-broken: province',
      'isfahan-broken: county',
      'isfahan-broken: location.latitude',
      'isfahan-broken: address.country',
      'isfahan-broken: phones[2].number',
      'isfahan-broken: phones[2].type',
      'isfahan-broken: email',
      'isfahan-broken: schedules[2].byday',
      'isfahan-broken: schedules[2].opens_at',
      'isfahan-broken: closures[2].closes_at',
      'isfahan-broken: closures[3].date',
      'isfahan-broken: languages[1]',
      'isfahan-broken: phon',
      '2: (record)',
      'isfahan-broken: id',
    ]);
  });

  it('YAML service bases, including a document that is not valid YAML', () => {
    expect(where(check('broken/service-bases/broken.yaml'))).toEqual([
      ': (file)',
      '1: id',
      '1: sample',
      '1: organization',
      '1: location.longitude',
      '1: address.city',
      '1: schedules[1].closes_at',
      '1: schedules[2].valid_to',
      '1: services[2]',
      '1: accessibility[1].url',
      '1: adress',
    ]);
  });

  it('CSV service bases, by spreadsheet row and column', () => {
    const issues = check('broken/service-bases/broken.csv');
    expect(where(issues)).toEqual([
      '1: phon',
      '1: city_fa',
      '2: schedules',
      '2: sample',
      '2: province',
      '2: latitude',
      '2: phones[1]',
      '3: services_fa',
      '3: longitude',
      '3: email',
      '3: schedules[1]',
      '3: closures[1]',
      '3: services_fa[2]',
      '5: name_fa',
      '5: id',
    ]);
    // A missing required column is reported once, on the header, not on every row.
    expect(issues.filter((issue) => issue.field === 'city_fa')).toHaveLength(1);
  });

  it('Markdown news front matter', () => {
    expect(where(check('broken/news/broken.md'))).toEqual([
      'abc: title',
      'abc: summary',
      'abc: date',
      'abc: province',
      'abc: tags',
      'abc: code',
      'abc: image.alt',
      'abc: draft',
      'abc: autor',
    ]);
  });

  it('YAML programme rules', () => {
    expect(where(check('broken/programmes/broken.yaml'))).toEqual([
      'broken-programme: questions[3].type',
      'broken-programme: questions[4].options',
      'broken-programme: rules[1].outcome',
      'broken-programme: rules[2].when',
      'broken-programme: otherwise.reason',
      'broken-programme: questions[2].id',
      'broken-programme: rules[1].when.question',
      'broken-programme: rules[2].when.equals',
      'broken-programme: rules[2].when.at_least',
      'broken-programme: rules[3].when.count.household',
      'broken-programme: rules[3].sources[1]',
      'broken-programme: rules[4].when.equals',
    ]);
  });

  it('JSON feedback', () => {
    expect(where(check('broken/feedback/broken.json'))).toEqual([
      '1: category',
      '1: message',
      '1: contact',
      '1: about',
      '1: consent',
      '1: emial',
      '1: name',
      '1: contact',
    ]);
  });

  it('prints one line per error in plain words and exits 1 from the real command', () => {
    const { code, stdout } = runCli('test/fixtures/broken');
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(
      'test/fixtures/broken/service-bases/broken.json:isfahan-broken: location.latitude — latitude 52.1 is outside Iran (24 to 40.5); check that latitude and longitude are not swapped',
    );
    expect(lines).toContain(
      "test/fixtures/broken/service-bases/broken.json:isfahan-broken: phon — unknown field 'phon' — check the spelling (did you mean 'phones'?)",
    );
    expect(lines).toContain(
      'test/fixtures/broken/service-bases/broken.json:isfahan-broken: county — required field is missing',
    );
    expect(lines).toContain(
      "test/fixtures/broken/service-bases/broken.csv:5: id — id 'ardabil-broken' is already used by row 2 of this file; each service-base needs its own id",
    );
    expect(lines.at(-1)).toMatch(/^6 files, 10 records, \d+ errors$/);
    expect(lines).toHaveLength(validateFiles([fixture('broken')]).issues.length + 1);
    expect(code).toBe(1);
  });
});

describe('validateText', () => {
  it('reads a record or a list from JSON and YAML, including several YAML documents', () => {
    expect(validateText(JSON.stringify(minimalBase), 'json', 'service-base')).toEqual({
      records: 1,
      issues: [],
    });
    expect(
      validateText(
        JSON.stringify([minimalBase, { ...minimalBase, id: 'isfahan-two' }]),
        'json',
        'service-base',
      ).records,
    ).toBe(2);
    const yaml = `${JSON.stringify(minimalBase)}\n---\n${JSON.stringify({ ...minimalBase, id: 'isfahan-two' })}\n---\n`;
    expect(validateText(yaml, 'yaml', 'service-base')).toEqual({ records: 2, issues: [] });
  });

  it('reports ids used twice in one file', () => {
    const { issues } = validateText(
      JSON.stringify([minimalBase, minimalBase]),
      'json',
      'service-base',
      'bases.json',
    );
    expect(issues.map(formatIssue)).toEqual([
      "bases.json:isfahan-hesseh: id — id 'isfahan-hesseh' is already used by record 1 of this file; each service-base needs its own id",
    ]);
  });

  it('reports syntax errors against the file', () => {
    const { issues } = validateText('{ "id": ', 'json', 'service-base', 'bad.json');
    expect(issues).toHaveLength(1);
    expect(formatIssue(issues[0] as ValidationIssue)).toMatch(
      /^bad\.json: \(file\) — not valid JSON: /,
    );
    expect(validateText('no front matter', 'markdown', 'news').issues[0]?.message).toMatch(
      /no front matter/,
    );
  });

  it('validates Markdown front matter as a programme when told so', () => {
    const { issues } = validateText('---\nid: x\n---\nBody', 'markdown', 'programme');
    expect(issues.map((issue) => issue.field)).toContain('questions');
  });

  it('reads Persian digits and decimal separators in CSV cells', () => {
    const csv = [
      'id,name_fa,organization_fa,province,county,county_fa,latitude,longitude,address_fa,city_fa,schedules',
      'ardabil-central,پایگاه,بهزیستی,ardabil,ardabil,اردبیل,۳۸٫۲۵,٤٨.٢٩,اردبیل,اردبیل,sa-we ۷:۳۰-۱۴:۳۰',
    ].join('\n');
    expect(validateText(csv, 'csv', 'service-base')).toEqual({ records: 1, issues: [] });
  });
});

describe('kind detection and usage errors (exit code 2)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'validate-data-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('reports ids used twice across files', () => {
    const folder = join(temp, 'service-bases');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.json'), JSON.stringify(minimalBase));
    writeFileSync(join(folder, 'b.yaml'), JSON.stringify(minimalBase));
    const { issues } = validateFiles([folder]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe(join(folder, 'b.yaml'));
    expect(issues[0]?.message).toContain(`record 1 of ${join(folder, 'a.json')}`);
  });

  it('needs files', () => {
    const { code, err } = runMain();
    expect(code).toBe(2);
    expect(err).toContain('validate-data: no files given');
    expect(err).toContain('Usage: validate-data');
  });

  it('refuses an unknown kind', () => {
    const { code, err } = runMain('--kind', 'services', fixture('valid'));
    expect(code).toBe(2);
    expect(err).toContain(
      "unknown kind 'services'; use one of: service-base, programme, news, feedback",
    );
  });

  it('names a file that does not exist', () => {
    expect(runMain(fixture('valid/nothing-here.json')).err).toContain(
      'nothing-here.json: cannot read',
    );
  });

  it('says which flag to add when the kind cannot be told', () => {
    const { code, err } = runMain(fixture('no-kind/record.json'));
    expect(code).toBe(2);
    expect(err).toContain(
      'cannot tell what kind of data this is; add --kind service-base|programme|news|feedback',
    );
  });

  it('uses --kind (either spelling) over the folder name', () => {
    expect(runMain('--kind', 'service-base', fixture('no-kind/record.json')).code).toBe(1);
    expect(runMain('--kind=news', fixture('valid/news/ghasedak.md')).code).toBe(0);
  });

  it('refuses files it cannot read and CSV for other kinds', () => {
    const text = join(temp, 'notes.txt');
    writeFileSync(text, 'hello');
    expect(runMain(text).err).toContain('not a data file this tool reads');
    expect(
      runMain('--kind', 'news', fixture('valid/service-bases/ardabil-markazi.csv')).err,
    ).toContain('CSV is defined for service bases only');
    expect(runMain('--verbose', fixture('valid')).code).toBe(2);
  });

  it('exits 2 from the real command and prints help with exit 0', () => {
    const { code, stderr } = runCli('--kind', 'nope', 'x.json');
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: validate-data');
    expect(runCli('--help').code).toBe(0);
    // Two real Node processes: allow for a busy machine.
  }, 30_000);
});
