import { generateTrackingCode, parseTrackingCode } from '@behzisti/core';
import { readCsvCells } from '@behzisti/core/spreadsheet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/errors.ts';
import type { FeedbackStore } from '../src/store/types.ts';
import {
  BASE,
  countRows,
  post,
  STAFF_TOKEN,
  STAFF_TOKEN_HASH,
  setup,
  staffHeaders,
  streamedPost,
  validBody,
} from './helpers.ts';

async function errorOf(response: Response): Promise<ErrorBody['error']> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.message.fa.length).toBeGreaterThan(0);
  expect(body.error.message.en.length).toBeGreaterThan(0);
  return body.error;
}

describe('POST /api/feedback: accepted', () => {
  it('answers 201 with a readable, check-digited code and stores the text as NFC', async () => {
    const { handler, store } = setup();
    // e + combining acute (NFD) must be stored composed (NFC).
    const decomposed = 'cafe\u0301 — پیام';
    const response = await handler(post(validBody({ message: decomposed, name: 'زهرا' })));
    expect(response.status).toBe(201);
    const { code } = (await response.json()) as { code: string };
    expect(code).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    const parsed = parseTrackingCode(code);
    expect(parsed.ok).toBe(true);
    expect(response.headers.get('location')).toBe(`/api/feedback/${code}`);
    const record = await store.getByCode(code.replace(/-/g, ''));
    expect(record?.message).toBe(decomposed.normalize('NFC'));
    expect(record?.name).toBe('زهرا');
    expect(record?.serviceBaseId).toBe('isfahan-hesseh');
    expect(record?.status).toBe('received');
  });

  it('normalizes the contact number through core (Persian digits → 09…)', async () => {
    const { handler, store } = setup();
    const response = await handler(post(validBody({ contact: '۰۹۱۲ ۳۴۵ ۶۷۸۹' })));
    const { code } = (await response.json()) as { code: string };
    expect((await store.getByCode(code.replace(/-/g, '')))?.contact).toBe('09123456789');
  });

  it('returns the same code for a retried submit with the same idempotency key, one row only', async () => {
    const { handler, store } = setup();
    const body = validBody({ idempotencyKey: 'key-0123456789abcdef' });
    const first = await handler(post(body));
    const again = await Promise.all([handler(post(body)), handler(post(body))]);
    const codes = await Promise.all(
      [first, ...again].map(async (r) => ((await r.json()) as { code: string }).code),
    );
    expect([first, ...again].map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(codes).size).toBe(1);
    expect(await countRows(store)).toBe(1);
    // A different key is a different message.
    await handler(post(validBody({ idempotencyKey: 'key-fedcba9876543210' })));
    expect(await countRows(store)).toBe(2);
  });
});

describe('POST /api/feedback: refused, nothing stored', () => {
  const cases: [string, () => Request, number, string][] = [
    [
      'a body over 16 kB (Content-Length)',
      () => post(validBody({ message: 'x'.repeat(17_000) })),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a streamed body over 16 kB without Content-Length',
      () => {
        const chunk = new TextEncoder().encode('x'.repeat(4096));
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ < 8) controller.enqueue(chunk);
            else controller.close();
          },
        });
        return streamedPost(BASE, body);
      },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a lying Content-Length',
      () =>
        post(JSON.stringify(validBody({ message: 'y'.repeat(20_000) })), {
          'content-length': '100',
        }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'text/plain',
      () => post(JSON.stringify(validBody()), { 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a form post',
      () => post('category=complaint', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'JSON in another charset',
      () =>
        post(JSON.stringify(validBody()), { 'content-type': 'application/json; charset=latin1' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'no content type',
      () => new Request(BASE, { method: 'POST', body: '{}' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['malformed JSON', () => post('{"category": "complaint",'), 400, 'MALFORMED_JSON'],
    ['an empty body', () => post(''), 400, 'MALFORMED_JSON'],
    [
      'bytes that are not UTF-8',
      () => post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
      400,
      'MALFORMED_JSON',
    ],
    ['a JSON array', () => post([validBody()]), 422, 'INVALID_FIELDS'],
    ['JSON null', () => post('null'), 422, 'INVALID_FIELDS'],
    ['an unknown field', () => post(validBody({ emial: 'a@b.ir' })), 422, 'INVALID_FIELDS'],
    ['a __proto__ key', () => post('{"__proto__": {"x": 1}}'), 422, 'INVALID_FIELDS'],
    ['sent in under 3 s', () => post(validBody({ elapsedMs: 900 })), 422, 'TOO_FAST'],
    ['without a fill time', () => post(validBody({ elapsedMs: undefined })), 422, 'TOO_FAST'],
  ];

  for (const [name, request, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const { handler, store } = setup();
      const response = await handler(request());
      expect(response.status).toBe(status);
      expect((await errorOf(response)).code).toBe(code);
      expect(await countRows(store)).toBe(0);
    });
  }

  it('lists every invalid field at once with a plain message', async () => {
    const { handler, store } = setup();
    const response = await handler(
      post({
        category: 'praise',
        message: '   ',
        about: {},
        consent: false,
        anonymous: true,
        name: 'Ali',
        contact: '12345',
        extra: 1,
      }),
    );
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    const fields = error.fields?.map((f) => f.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        'category',
        'message',
        'about',
        'consent',
        'name',
        'contact',
        'extra',
      ]),
    );
    for (const field of error.fields ?? []) expect(field.message.length).toBeGreaterThan(5);
    expect(await countRows(store)).toBe(0);
  });

  it('tells a too-fast sender to take a moment, in both languages', async () => {
    const { handler } = setup();
    const error = await errorOf(await handler(post(validBody({ elapsedMs: 10 }))));
    expect(error.message.en).toMatch(/take a moment/);
    expect(error.message.fa).toMatch(/صبر/);
  });

  it('answers a filled honeypot with a code-shaped 201 and stores nothing', async () => {
    const { handler, store } = setup();
    const response = await handler(post(validBody({ website: 'http://spam.example' })));
    expect(response.status).toBe(201);
    const { code } = (await response.json()) as { code: string };
    expect(parseTrackingCode(code).ok).toBe(true);
    expect(await countRows(store)).toBe(0);
    expect((await handler(new Request(`${BASE}/${code}`))).status).toBe(404);
  });
});

describe('GET /api/feedback/{code}: public status', () => {
  it('shows status, reply and dates, never personal data, in any digit set', async () => {
    const { handler } = setup({ staffToken: STAFF_TOKEN_HASH });
    const created = await handler(
      post(validBody({ name: 'مریم', contact: 'maryam@example.ir', message: 'private text' })),
    );
    const { code } = (await created.json()) as { code: string };
    const persian = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);
    const response = await handler(new Request(`${BASE}/${encodeURIComponent(persian)}`));
    expect(response.status).toBe(200);
    const view = (await response.json()) as Record<string, unknown>;
    // contactHeld says only whether there is something the citizen could erase, never what.
    expect(Object.keys(view).sort()).toEqual([
      'code',
      'contactHeld',
      'receivedAt',
      'status',
      'updatedAt',
    ]);
    expect(typeof view.contactHeld).toBe('boolean');
    expect(view.status).toBe('received');
    expect(JSON.stringify(view)).not.toMatch(/مریم|maryam|private/);

    await handler(
      new Request(`${BASE}/${code}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...staffHeaders() },
        body: JSON.stringify({ status: 'answered', publicReply: 'پیگیری شد.' }),
      }),
    );
    const after = (await (await handler(new Request(`${BASE}/${code}`))).json()) as Record<
      string,
      unknown
    >;
    expect(after.status).toBe('answered');
    expect(after.publicReply).toBe('پیگیری شد.');
    expect(typeof after.repliedAt).toBe('string');
  });

  it('catches a mistyped code before lookup (422) and an unknown one (404)', async () => {
    const { handler } = setup();
    const code = generateTrackingCode();
    const typo = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}${code.slice(6)}`;
    const mistyped = await handler(new Request(`${BASE}/${typo}`));
    expect(mistyped.status).toBe(422);
    expect((await errorOf(mistyped)).code).toBe('INVALID_TRACKING_CODE');
    const unknown = await handler(new Request(`${BASE}/${code}`));
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('UNKNOWN_TRACKING_CODE');
  });
});

describe('rate limits', () => {
  it('limits submissions per client with 429 and Retry-After, per address', async () => {
    const { handler, store } = setup({ submitLimit: { capacity: 2, refillPerSecond: 0.1 } });
    const from = (ip: string) => ({ clientAddress: ip });
    expect((await handler(post(validBody()), from('10.0.0.1'))).status).toBe(201);
    expect((await handler(post(validBody()), from('10.0.0.1'))).status).toBe(201);
    const limited = await handler(post(validBody()), from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await errorOf(limited)).code).toBe('RATE_LIMITED');
    expect((await handler(post(validBody()), from('10.0.0.2'))).status).toBe(201);
    expect(await countRows(store)).toBe(3);
  });

  it('limits lookups per client', async () => {
    const { handler } = setup({ lookupLimit: { capacity: 3, refillPerSecond: 0.01 } });
    const code = generateTrackingCode();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await handler(new Request(`${BASE}/${code}`), { clientAddress: '10.1.1.1' })).status,
      );
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });

  it('keys by the address the server resolved, never by a forwarded header', async () => {
    // The server resolves X-Forwarded-For from trusted proxies only (http/proxy.ts) and passes
    // the result as clientAddress; the handler itself never reads the header.
    const { handler } = setup({ submitLimit: { capacity: 1, refillPerSecond: 0.001 } });
    const from = (clientAddress: string, forwarded: string) =>
      handler(post(validBody(), { 'x-forwarded-for': forwarded }), { clientAddress });
    expect((await from('192.0.2.7', '1.1.1.1')).status).toBe(201);
    expect((await from('192.0.2.7', '2.2.2.2')).status).toBe(429);
    expect((await from('198.51.100.2', '2.2.2.2')).status).toBe(201);
  });
});

describe('CORS', () => {
  const allowed = 'https://welfare.example.ir';
  const options = { allowedOrigins: [allowed, 'https://other.example.ir'] };

  it('answers an allowed preflight with the origin, methods and Vary', async () => {
    const { handler } = setup(options);
    const response = await handler(
      new Request(BASE, {
        method: 'OPTIONS',
        headers: {
          origin: allowed,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'content-type',
    );
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('refuses a preflight from another origin (no CORS headers)', async () => {
    const { handler } = setup(options);
    for (const origin of [
      'https://evil.example',
      `${allowed}.evil.example`,
      `${allowed}/`,
      'null',
    ]) {
      const response = await handler(
        new Request(BASE, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        }),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('adds the origin to answers for allowed sites, errors included', async () => {
    const { handler } = setup(options);
    const ok = await handler(post(validBody(), { origin: allowed }));
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(ok.headers.get('vary')).toContain('Origin');
    const bad = await handler(post('{', { origin: allowed }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('refuses a submit from a page on another origin and stores nothing', async () => {
    const { handler, store } = setup(options);
    const response = await handler(post(validBody(), { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await errorOf(response)).code).toBe('ORIGIN_NOT_ALLOWED');
    expect(await countRows(store)).toBe(0);
  });

  it('always allows the API’s own origin (the portal’s pages)', async () => {
    const { handler } = setup();
    const response = await handler(post(validBody(), { origin: new URL(BASE).origin }));
    expect(response.status).toBe(201);
  });
});

describe('staff endpoints', () => {
  const patch = (code: string, body: unknown, headers = staffHeaders()) =>
    new Request(`${BASE}/${code}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('are absent (404) without a configured token, whatever is sent', async () => {
    const { handler } = setup();
    const code = generateTrackingCode();
    for (const request of [
      new Request(BASE, { headers: staffHeaders() }),
      new Request(`${BASE}.csv`, { headers: staffHeaders() }),
      patch(code, { status: 'closed' }),
    ]) {
      const response = await handler(request);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('NOT_FOUND');
    }
  });

  it('refuse a missing or wrong token with 401', async () => {
    const { handler } = setup({ staffToken: STAFF_TOKEN_HASH });
    for (const headers of [
      {},
      staffHeaders('wrong-token-of-some-length'),
      staffHeaders(`${STAFF_TOKEN}x`),
      { authorization: `Basic ${btoa(`staff:${STAFF_TOKEN}`)}` },
    ]) {
      const response = await handler(new Request(BASE, { headers }));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('list with filters and pages, and update status and reply with the right token', async () => {
    const { handler } = setup({ staffToken: STAFF_TOKEN_HASH });
    const codes: string[] = [];
    for (const [category, serviceBaseId] of [
      ['complaint', 'isfahan-hesseh'],
      ['question', 'isfahan-hesseh'],
      ['complaint', 'kerman-manujan'],
    ] as const) {
      const r = await handler(post(validBody({ category, about: { serviceBaseId } })));
      codes.push(((await r.json()) as { code: string }).code);
    }
    const list = async (query: string) => {
      const r = await handler(new Request(`${BASE}?${query}`, { headers: staffHeaders() }));
      expect(r.status).toBe(200);
      return (await r.json()) as {
        items: { code: string }[];
        total: number;
        nextOffset: number | null;
      };
    };
    expect((await list('')).total).toBe(3);
    expect((await list('category=complaint')).total).toBe(2);
    expect((await list('serviceBaseId=kerman-manujan&category=complaint')).total).toBe(1);
    const page = await list('limit=2');
    expect(page.items).toHaveLength(2);
    expect(page.nextOffset).toBe(2);
    expect((await list('limit=2&offset=2')).items).toHaveLength(1);
    expect((await list('from=2000-01-01&to=2999-12-31')).total).toBe(3);
    expect((await list('to=2000-01-01')).total).toBe(0);

    const bad = await handler(
      new Request(`${BASE}?status=lost&limit=0&from=yesterday&colour=red`, {
        headers: staffHeaders(),
      }),
    );
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).fields?.map((f) => f.field)).toEqual([
      'status',
      'limit',
      'from',
      'colour',
    ]);

    const code = codes[0] ?? '';
    const updated = await handler(patch(code, { status: 'in-review' }));
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { status: string }).status).toBe('in-review');
    expect((await list('status=in-review')).total).toBe(1);

    const invalid = await handler(patch(code, { status: 'done', reply: 'x' }));
    expect(invalid.status).toBe(422);
    expect((await errorOf(invalid)).fields?.map((f) => f.field)).toEqual(['status', 'reply']);
    expect((await handler(patch(generateTrackingCode(), { status: 'closed' }))).status).toBe(404);
    expect(
      (await handler(patch(code, { status: 'closed' }, staffHeaders('nope-nope-nope')))).status,
    ).toBe(401);
  });

  it('export CSV with formula prefixes guarded and bidi controls neutralised', async () => {
    const { handler } = setup({ staffToken: STAFF_TOKEN_HASH });
    // Each message and the cell it must become in the file.
    const nasty: [string, string][] = [
      ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
      ['+98 912', "'+98 912"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tTab', `"'\tTab"`],
      // A lone CR is stored as a line break (cleanTypedText): no formula after it.
      ['\rCR', '"\nCR"'],
      ['＝1', "'＝1"],
      [' \u200C=1;=2', `"' \u200C=1;'=2"`],
    ];
    for (const [message] of nasty) await handler(post(validBody({ message })));
    await handler(
      post(validBody({ message: 'ok \u202Egnp.exe\u202C, "quoted"\nline', name: '\u2067x\u2069' })),
    );
    const response = await handler(new Request(`${BASE}.csv`, { headers: staffHeaders() }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith('\uFEFFcode,receivedAt,')).toBe(true);
    expect(csv).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    for (const [, cell] of nasty) expect(csv).toContain(`,${cell},`);
    expect(csv).toContain('"ok gnp.exe, ""quoted""\nline"');
    // Codes keep their dashes so spreadsheets do not round them as numbers.
    expect(csv).toMatch(/\r\n\d{4}-\d{4}-\d{4}-\d{4},/);

    const json = await handler(new Request(BASE, { headers: staffHeaders() }));
    expect(JSON.stringify(await json.json())).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

/** The record an accepted (201) submission stored, found by the code it answered with. */
async function storedRecord(response: Response, store: FeedbackStore) {
  expect(response.status).toBe(201);
  const { code } = (await response.json()) as { code: string };
  return store.getByCode(code.replace(/-/g, ''));
}

describe("citizens' text: invisible controls", () => {
  it('removes controls and bidi overrides from messages and names; refuses them in a contact', async () => {
    const { handler, store } = setup();
    const response = await handler(
      post(
        validBody({
          message: 'صف \u202Egnp.exe\u202C طولانی\u001B[2J بود\r\nمی\u200Cخواهم\u0085',
          name: 'سارا\n\u2066احمدی\u2069',
        }),
      ),
    );
    const stored = await storedRecord(response, store);
    expect(stored?.message).toBe('صف gnp.exe طولانی[2J بود\nمی\u200Cخواهم');
    expect(stored?.name).toBe('سارا احمدی');
    // A message of nothing but controls is empty, and refused as such.
    const empty = await handler(post(validBody({ message: '\u0007\u202E\u0000' })));
    expect(empty.status).toBe(422);
    // A contact must be exactly an address or a number: refused, in Persian and English.
    const contact = await handler(post(validBody({ contact: '0912\u0000345\u202E6789' })));
    expect(contact.status).toBe(422);
    const error = await errorOf(contact);
    expect(error.fields?.map((field) => field.field)).toEqual(['contact']);
    expect(error.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect(error.message.en.length).toBeGreaterThan(0);
    expect(await countRows(store)).toBe(1);
  });

  it('cleans comments the same way', async () => {
    const { handler, store } = setup({ articleExists: () => true, minFillMs: 0 });
    const response = await handler(
      post({
        kind: 'comment',
        article: 'fa/hesseh-service-base',
        message: 'نظر \u202Eمن\u001B]0;x\u0007',
        name: 'رضا\t\u0000',
      }),
    );
    const stored = await storedRecord(response, store);
    expect(stored?.message).toBe('نظر من]0;x');
    expect(stored?.name).toBe('رضا');
  });
});

describe('routing', () => {
  it('answers unknown paths with 404 and wrong methods with 405 + Allow', async () => {
    const { handler } = setup();
    expect((await handler(new Request('http://feedback.test/api/other'))).status).toBe(404);
    expect((await handler(new Request(`${BASE}/a/b`))).status).toBe(404);
    const wrong = await handler(
      new Request(`${BASE}/${generateTrackingCode()}`, { method: 'DELETE' }),
    );
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
  });

  it('turns an unexpected store failure into 500 INTERNAL with a message', async () => {
    const { store } = setup();
    const broken = { ...store, insert: () => Promise.reject(new Error('disk on fire')) };
    const { handler } = setup({ store: broken });
    const response = await handler(post(validBody()));
    expect(response.status).toBe(500);
    expect((await errorOf(response)).code).toBe('INTERNAL');
  });
});

describe('CSV export round trip (generated)', () => {
  it('reads back every stored text equal through the project’s own CSV reader', async () => {
    // Any text a record may hold, rich in what spreadsheets and CSV treat specially. (Bidi
    // overrides and terminal controls are left out: the export shows them neutralised.)
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...'=+-@\t\r\n ,;\'"\u200C\u200D\uFEFF\u200E\u200F\u00A0\uFF0B'),
        fc.constantFrom(...'abcسلام۱۲3'),
      ),
      minLength: 1,
      maxLength: 20,
    });
    const records = fc.array(fc.record({ message: text, name: text, contact: text }), {
      minLength: 1,
      maxLength: 5,
    });
    await fc.assert(
      fc.asyncProperty(records, async (wanted) => {
        const { handler, store } = setup({ staffToken: STAFF_TOKEN_HASH });
        const codes: string[] = [];
        for (const [i, fields] of wanted.entries()) {
          const code = generateTrackingCode();
          codes.push(code);
          await store.insert({
            code,
            kind: 'feedback',
            category: 'complaint',
            anonymous: false,
            lang: 'fa',
            receivedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            ...fields,
          });
        }
        const response = await handler(new Request(`${BASE}.csv`, { headers: staffHeaders() }));
        const [header = [], ...rows] = readCsvCells(await response.text());
        const column = (name: string) => header.indexOf(name);
        for (const [i, fields] of wanted.entries()) {
          const row = rows.find((cells) => cells[column('code')]?.replace(/-/g, '') === codes[i]);
          expect(row?.[column('message')]).toBe(fields.message);
          expect(row?.[column('name')]).toBe(fields.name);
          expect(row?.[column('contact')]).toBe(fields.contact);
        }
        await store.close();
      }),
      { numRuns: 40 },
    );
  });
});
