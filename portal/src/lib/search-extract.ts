import { Parser } from 'htmlparser2';

/**
 * What the search indexes of one built page: the text inside its `data-pagefind-body` element,
 * as runs of equal weight, with the `data-pagefind-filter` and `data-pagefind-meta` values.
 *
 * The indexer reads the built HTML itself rather than through Pagefind (scripts/index-search.ts
 * explains why). It follows Pagefind's attributes (`data-pagefind-body`, `-ignore`, `-weight`,
 * `-filter`, `-meta`) and adds the portal's own rules: the title weighs most, then the lede;
 * boilerplate that repeats on every page of a kind is left out (EXCLUDE).
 */
export interface TextRun {
  text: string;
  /** Pagefind weight: 1 for body text, more for the title, lede and headings. */
  weight: number;
}

export interface ExtractedPage {
  url: string;
  language: string;
  runs: TextRun[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Weights (Pagefind's scale, 0–10; body text is 1). */
export const WEIGHT = { title: 10, lede: 5, heading: 3, body: 1 } as const;

/** A simple selector: tag, `.class`, `[attr]` or `[attr=value]`, or several of them together. */
type Selector = string;

/**
 * Parts never indexed, on every page (sample-content notices, share links, breadcrumbs, widget
 * fall-back text) and per page type (the `type` filter). Keep this list to boilerplate: text
 * that is the same on every page of its kind would make every page match.
 * - news: the facts list (date, province, code, office) is metadata, not the article: excerpts
 *   must never begin with «تاریخ انتشار … کد خبر …».
 * - base: section headings and labels («خدمت‌ها», «نشانی»), and the nationwide hotline list
 *   (123 and 1480 on every base page).
 * - programme: section headings, the list of bases offering it (place names would make every
 *   programme match a place query) and the sample-criteria source note.
 */
const EXCLUDE: Record<string, readonly Selector[]> = {
  all: [
    '.sample-notice',
    '.share',
    '.breadcrumbs',
    'bz-feedback-form',
    'bz-eligibility-checker',
    'bz-service-locator',
    'bz-comments',
    'script',
    'style',
    'template',
    'noscript',
    'svg',
    'form',
    'button',
  ],
  news: ['.facts', '[id=tags-heading]'],
  base: ['h2', 'dt', '.phones', '.hotlines'],
  programme: ['h2', '[aria-labelledby=bases-title]', '[aria-labelledby=sources-title]'],
};

/** Elements whose start and end separate words (Pagefind joins inline elements' text). */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

function matches(selector: Selector, name: string, attributes: Record<string, string>): boolean {
  const parts = selector.match(/^[a-z][a-z0-9-]*|\.[\w-]+|\[[^\]]+\]/gi) ?? [];
  return parts.every((part) => {
    if (part.startsWith('.')) return (attributes.class ?? '').split(/\s+/).includes(part.slice(1));
    if (part.startsWith('[')) {
      const [key, value] = part.slice(1, -1).split('=');
      const actual = attributes[key ?? ''];
      return value === undefined
        ? actual !== undefined
        : actual === value.replace(/^["']|["']$/g, '');
    }
    return part.toLowerCase() === name;
  });
}

/** `key:value` (inline), or `key` (the element's text), or `key[attr]` (an attribute's value). */
function parseField(
  spec: string,
  attributes: Record<string, string>,
): { key: string; value?: string } {
  const inline = /^([^:[\]]+):(.*)$/s.exec(spec);
  if (inline) return { key: (inline[1] ?? '').trim(), value: (inline[2] ?? '').trim() };
  const attribute = /^([^[\]]+)\[([^\]]+)\]$/.exec(spec.trim());
  if (attribute)
    return { key: (attribute[1] ?? '').trim(), value: attributes[attribute[2] ?? ''] ?? '' };
  return { key: spec.trim() };
}

interface Frame {
  name: string;
  /** The element that carries data-pagefind-body. */
  body: boolean;
  /** Its text is not indexed. */
  ignore: boolean;
  /** Nor read for filters and meta (data-pagefind-ignore="all"). */
  ignoreAll: boolean;
  weight: number;
  /** Collecting the element's text for a filter or meta field. */
  fields: { kind: 'meta' | 'filter'; key: string; text: string }[];
}

/** Extracts the searchable parts of one built page; undefined when it has no indexed body. */
export function extractPage(url: string, html: string): ExtractedPage | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  let language = '';
  let inBody = 0;
  let type = '';
  const stack: Frame[] = [];
  const runs: TextRun[] = [];
  const meta: Record<string, string> = {};
  const filters: Record<string, string[]> = {};
  let found = false;

  const addFilter = (key: string, value: string) => {
    const clean = value.replace(/\s+/g, ' ').trim();
    if (!key || !clean) return;
    const list = filters[key] ?? [];
    filters[key] = list;
    if (!list.includes(clean)) list.push(clean);
  };
  const append = (text: string, weight: number) => {
    const last = runs.at(-1);
    if (last && last.weight === weight) last.text += text;
    else runs.push({ text, weight });
  };
  const boundary = () => {
    const last = runs.at(-1);
    if (last && !last.text.endsWith(' ')) last.text += ' ';
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html' && attributes.lang)
          language = attributes.lang.toLowerCase().split('-')[0] ?? '';
        const parent = stack.at(-1);
        const isBody = 'data-pagefind-body' in attributes;
        if (isBody) {
          found = true;
          // The page type decides which boilerplate is left out (EXCLUDE).
          const filter = parseField(attributes['data-pagefind-filter'] ?? '', attributes);
          if (filter.key === 'type' && filter.value) type = filter.value;
        }
        const excluded = [...(EXCLUDE.all ?? []), ...(EXCLUDE[type] ?? [])];
        // As with Pagefind's data-pagefind-ignore: text left out is still read for filters and
        // meta (the news province filter sits in the facts list), unless the value is "all".
        const ignoreAll =
          (parent?.ignoreAll ?? false) || attributes['data-pagefind-ignore'] === 'all';
        const ignore =
          ignoreAll ||
          (parent?.ignore ?? false) ||
          'data-pagefind-ignore' in attributes ||
          (inBody > 0 &&
            !isBody &&
            excluded.some((selector) => matches(selector, name, attributes)));
        let weight = parent?.weight ?? WEIGHT.body;
        const explicit = Number(attributes['data-pagefind-weight']);
        if (attributes['data-pagefind-meta'] === 'title') weight = WEIGHT.title;
        else if (Number.isFinite(explicit) && attributes['data-pagefind-weight'] !== undefined)
          weight = explicit;
        else if ((attributes.class ?? '').split(/\s+/).includes('lede')) weight = WEIGHT.lede;
        else if (/^h[1-6]$/.test(name)) weight = name === 'h1' ? WEIGHT.title : WEIGHT.heading;
        const fields: Frame['fields'] = [];
        if ((inBody > 0 || isBody) && !ignoreAll) {
          for (const [kind, attribute] of [
            ['filter', 'data-pagefind-filter'],
            ['meta', 'data-pagefind-meta'],
          ] as const) {
            const spec = attributes[attribute];
            if (!spec) continue;
            for (const part of spec.split(/,(?![^[]*\])/)) {
              const { key, value } = parseField(part, attributes);
              if (value === undefined) fields.push({ kind, key, text: '' });
              else if (kind === 'filter') addFilter(key, value);
              else meta[key] = value;
            }
          }
        }
        if (VOID.has(name)) {
          if (BLOCK.has(name) && inBody > 0) boundary();
          return;
        }
        stack.push({ name, body: isBody, ignore, ignoreAll, weight, fields });
        if (isBody) inBody++;
        if (BLOCK.has(name) && inBody > 0) boundary();
      },
      ontext(text) {
        if (inBody === 0) return;
        const frame = stack.at(-1);
        if (!frame) return;
        for (const open of stack) for (const field of open.fields) field.text += text;
        if (!frame.ignore) append(text, frame.weight);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        const frame = stack.pop();
        if (!frame) return;
        for (const field of frame.fields) {
          if (field.kind === 'filter') addFilter(field.key, field.text);
          else meta[field.key] = field.text.replace(/\s+/g, ' ').trim();
        }
        if (BLOCK.has(name) && inBody > 0) boundary();
        if (frame.body) inBody--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (!found) return undefined;
  const clean = runs
    .map((run) => ({ text: run.text.replace(/\s+/gu, ' ').trim(), weight: run.weight }))
    .filter((run) => run.text !== '');
  return { url, language: language || 'unknown', runs: clean, meta, filters };
}
