import { formatTrackingCode, generateTrackingCode, parseTrackingCode } from '@behzisti/core';
import { csvRow } from '@behzisti/core/spreadsheet';
import { createAccountKeys } from './account-keys.ts';
import {
  API_TOKEN_PREFIX,
  type Need,
  newApiToken,
  parseTokenRequest,
  scopeAllows,
  tokenView,
} from './api-tokens.ts';
import { addressKey } from './client-key.ts';
import { isArticleId, parseArticleList, publicComment } from './comments.ts';
import { type CorsPolicy, createCorsPolicy } from './cors.ts';
import { errorResponse, HttpError, jsonResponse } from './errors.ts';
import { scopedIdempotencyKey } from './idempotency.ts';
import { createLimits } from './limits.ts';
import { configuredDigest, currentHash, parseSecretChange } from './own-secret.ts';
import type { RateLimit } from './rate-limit.ts';
import { MAX_BODY_BYTES, readJsonBody } from './read-body.ts';
import {
  authorize,
  type StaffRoute,
  type StaffScope,
  scopedFilter,
  scopeOf,
  sees,
} from './scope.ts';
import { hashSecret, parseSecretHash } from './secret-hash.ts';
import {
  DEFAULT_SESSION_IDLE_MINUTES,
  DEFAULT_SESSION_MAX_MINUTES,
  readCookie,
  SESSION_COOKIE,
  SessionManager,
  sessionCookie,
} from './sessions.ts';
import {
  CSV_COLUMNS,
  checkStatusFor,
  csvValues,
  parseAuditQuery,
  parseListQuery,
  parseUpdate,
  publicView,
  staffView,
} from './staff.ts';
import {
  createStaffCredentials,
  SHARED_TOKEN_ACTOR,
  type StaffAccount,
  tokenHash,
} from './staff-auth.ts';
import {
  CodeCollisionError,
  type FeedbackRecord,
  type FeedbackStore,
  type FeedbackUpdate,
} from './store/types.ts';
import { screenSubmission } from './submission.ts';

// The feedback API as one web-standard function (Request → Response), so the portal's Node
// server and the standalone server (server.ts) run the same code.
//
//   POST   {base}          submit → 201 { code }
//   GET    {base}/{code}   public status
//   GET    {base}          staff: list            (only with a staff token; else 404)
//   GET    {base}.csv      staff: CSV export      (only with a staff token; else 404)
//   PATCH  {base}/{code}   staff: status / reply  (only with a staff token; else 404)
//   DELETE {base}/{code}/contact  the citizen erases their name and contact now (retention.ts)
//
//   GET    {comments}?article=<id>              approved comments on an article, oldest first
//   GET    {comments}/counts?articles=a,b,c     approved comment counts
//
//   POST   {staff}/session   sign in (name, secret) → session cookie
//   GET    {staff}/session   who is signed in, and until when
//   DELETE {staff}/session   sign out
//   DELETE {staff}/sessions  sign out everywhere: every session of the signed-in account
//   POST   {staff}/tokens    make a scoped, expiring API token (session only) → 201, shown once
//   GET    {staff}/tokens    the signed-in account's tokens (never the tokens themselves)
//   DELETE {staff}/tokens/{id}  revoke one
//   GET    {staff}/audit     the audit log (staff)
//
// Staff endpoints take the session cookie or `Authorization: Bearer` with an API token
// (`bzt_…`, scripts) or the shared FEEDBACK_STAFF_TOKEN; a person's `name:secret` is no longer
// accepted as a bearer. They are absent (404) when no staff account or token is configured. Every credential check (sign-in form and
// bearer) first reserves an attempt per client address and per account name in the store, so
// parallel or slow requests cannot get more checks than the limit, and is written to the audit
// log, success or failure. Limits live in the store, so several instances share them.

/** Defaults for the per-client limits; generous because mobile carriers share addresses (CGNAT). */
export const DEFAULT_SUBMIT_LIMIT: RateLimit = { capacity: 20, refillPerSecond: 20 / 600 };
export const DEFAULT_LOOKUP_LIMIT: RateLimit = { capacity: 60, refillPerSecond: 1 };
/** A person needs at least this long to fill in the form. */
export const DEFAULT_MIN_FILL_MS = 3000;
/** Reading comments is what every article view does; generous, since many readers share addresses. */
export const DEFAULT_COMMENTS_READ_LIMIT: RateLimit = { capacity: 300, refillPerSecond: 5 };
/** Sign-in failures allowed per client address in {@link SIGN_IN_WINDOW_MS}; the next is refused. */
export const SIGN_IN_FAILURES = 5;
/**
 * Sign-in failures allowed per account name in the window, from any addresses: more than one
 * address's worth, so one office behind a shared address does not lock a colleague out.
 */
export const ACCOUNT_SIGN_IN_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** Options of {@link createFeedbackHandler}. */
export interface FeedbackHandlerOptions {
  store: FeedbackStore;
  /** Path of the API (default `/api/feedback`). */
  basePath?: string;
  /** Path of the public comment endpoints (default `/api/comments`). */
  commentsPath?: string;
  /** Path of the staff session and audit endpoints (default `/api/staff`). */
  staffPath?: string;
  /** PHC scrypt hash of the shared bearer token for the staff endpoints (actor "staff"); see also `staffAccounts`. */
  staffToken?: string | undefined;
  /** Named staff accounts (secrets as PHC scrypt hashes) that sign in for a session; without them and a token, staff endpoints are absent (404). */
  staffAccounts?: readonly StaffAccount[];
  /** Minutes of inactivity that end a staff session (default 30). */
  sessionIdleMinutes?: number;
  /** The longest a staff session lasts, in minutes (default 480). */
  sessionMaxMinutes?: number;
  /**
   * Whether a news article with this id exists (the portal checks its built news). Ids are
   * always checked against the `<lang>/<slug>` pattern; without this hook that is all.
   */
  articleExists?: (article: string) => boolean | Promise<boolean>;
  /**
   * The province a submission is about: of its service base (`serviceBaseId`) or its news
   * article (`article`); undefined when unknown. Stored with the record, it decides which staff
   * see it (scope.ts); without this hook every record is for admins only.
   */
  provinceOf?: (about: {
    serviceBaseId?: string | undefined;
    article?: string | undefined;
  }) => string | undefined | Promise<string | undefined>;
  /** Per-client limit on reading comments; `false` turns it off. */
  commentsReadLimit?: RateLimit | false;
  /** Origins (`https://example.ir`) whose pages may call the API from the browser. */
  allowedOrigins?: readonly string[];
  /** Per-client limit on submissions; `false` turns it off. */
  submitLimit?: RateLimit | false;
  /** Per-client limit on status lookups; `false` turns it off. */
  lookupLimit?: RateLimit | false;
  /** Minimum time between showing and sending the form (0 turns the check off). */
  minFillMs?: number;
  /** Largest accepted body in bytes (default 16 kB). */
  maxBodyBytes?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /** Called with unexpected errors (the client gets a 500 INTERNAL). */
  onError?: (error: unknown) => void;
}

/** What the server knows about the connection. */
export interface RequestContext {
  /** The client's address: the socket's, or the one a trusted proxy forwarded (http/proxy.ts). */
  clientAddress?: string | undefined;
  /**
   * The original request came over https (directly, or through a trusted proxy that says so);
   * the session cookie is then Secure. Without it, the request URL's scheme decides.
   */
  secure?: boolean | undefined;
}

/** The API. */
export type FeedbackHandler = (request: Request, context?: RequestContext) => Promise<Response>;

/** One route's answer: what the path carries (a tracking code segment, the URL, an id) is `arg`. */
type Endpoint<A = void> = (request: Request, context: RequestContext, arg: A) => Promise<Response>;

const CODE_ATTEMPTS = 5;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who is acting on a staff endpoint, and how they proved it. */
interface Staff {
  actor: string;
  via: 'cookie' | 'bearer' | 'token';
  expiresAt: string | undefined;
  /** The account's role and provinces. */
  scope: StaffScope;
}

function limitOf(limit: RateLimit | false | undefined, fallback: RateLimit) {
  return limit === false ? undefined : (limit ?? fallback);
}

/** A reserved sign-in attempt, given back when the credentials turn out right. */
interface Attempt {
  key: string;
  id: string;
}

/** The credential of an `Authorization: Bearer` header ('' when malformed). */
function bearerToken(header: string): string {
  return /^Bearer[ \t]+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

const UNAUTHORIZED = () =>
  new HttpError('UNAUTHORIZED', { headers: { 'www-authenticate': 'Bearer realm="feedback"' } });

/** Builds the feedback API over `options.store`. */
export function createFeedbackHandler(options: FeedbackHandlerOptions): FeedbackHandler {
  const base = (options.basePath ?? '/api/feedback').replace(/\/+$/, '');
  const store = options.store;
  const now = options.now ?? (() => new Date());
  const minFillMs = options.minFillMs ?? DEFAULT_MIN_FILL_MS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const cors: CorsPolicy = createCorsPolicy(options.allowedOrigins ?? []);
  const commentsPath = (options.commentsPath ?? '/api/comments').replace(/\/+$/, '');
  const staffPath = (options.staffPath ?? '/api/staff').replace(/\/+$/, '');
  const credentials = createStaffCredentials(options.staffAccounts ?? [], options.staffToken);
  const isStaff = credentials.enabled;
  const sessions = new SessionManager(
    store,
    {
      idleMs: (options.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES) * 60_000,
      maxMs: (options.sessionMaxMinutes ?? DEFAULT_SESSION_MAX_MINUTES) * 60_000,
    },
    now,
  );
  const accountsByName = new Map(
    (options.staffAccounts ?? []).map((account) => [account.name, account]),
  );
  /**
   * The scope of `actor`: its account's role and provinces. The shared token (actor "staff",
   * when no account has that name) is an admin, as it always could do everything; API tokens
   * are the scoped way for scripts (docs/security.md).
   */
  const scopeFor = (actor: string): StaffScope => {
    const account = accountsByName.get(actor);
    if (account) return scopeOf(account.role, account.provinces);
    return scopeOf(actor === SHARED_TOKEN_ACTOR ? 'admin' : undefined, undefined);
  };
  /** A scope limited to `provinces` when a token names some (never wider than the scope). */
  const narrowed = (scope: StaffScope, provinces: readonly string[] | undefined): StaffScope => {
    if (provinces === undefined) return scope;
    const within =
      scope.provinces === 'all'
        ? provinces
        : provinces.filter((id) => scope.provinces.includes(id));
    return { role: scope.role, provinces: within };
  };
  const accountKeys = createAccountKeys(store, options.staffAccounts ?? [], options.staffToken);
  const limits = createLimits(store, now);
  const articleExists = options.articleExists;
  const submitLimit = limitOf(options.submitLimit, DEFAULT_SUBMIT_LIMIT);
  const lookupLimit = limitOf(options.lookupLimit, DEFAULT_LOOKUP_LIMIT);
  const commentsLimit = limitOf(options.commentsReadLimit, DEFAULT_COMMENTS_READ_LIMIT);
  const onError =
    options.onError ?? ((error: unknown) => console.error('feedback-service error:', error));

  const allowHeaders = isStaff ? ['Content-Type', 'Authorization'] : ['Content-Type'];

  /** Takes a token from the client's bucket of the named limit, or throws 429. */
  const takeToken = async (
    name: string,
    limit: RateLimit | undefined,
    request: Request,
    context: RequestContext,
  ): Promise<void> => {
    if (limit) await limits.take(`${name}:${clientOf(request, context)}`, limit);
  };

  /** Reserves a credential check for the client's address, or throws 429. */
  const addressAttempt = async (request: Request, context: RequestContext): Promise<Attempt> => {
    const key = `sign-in:address:${clientOf(request, context)}`;
    return { key, id: await limits.reserve(key, SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS) };
  };

  /** Reserves a credential check for the account `label` names, or throws 429. */
  const accountAttempt = async (label: string): Promise<Attempt> => {
    const key = `sign-in:account:${label}`;
    return { key, id: await limits.reserve(key, ACCOUNT_SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS) };
  };

  /** The credentials were right: those checks do not count against the limits. */
  const release = async (...attempts: Attempt[]): Promise<void> => {
    for (const attempt of attempts) await limits.release(attempt.key, attempt.id);
  };

  /** A browser page from an origin not on the allowlist must not change anything. */
  const refuseForeignOrigin = (request: Request): void => {
    const origin = request.headers.get('origin');
    if (origin !== null && !cors.allows(origin, request)) throw new HttpError('ORIGIN_NOT_ALLOWED');
  };

  const clientOf = (_request: Request, context: RequestContext): string =>
    addressKey(context.clientAddress ?? 'unknown');

  const audit = (
    request: Request,
    context: RequestContext,
    actor: string,
    action: string,
    target?: string,
  ): Promise<void> =>
    store.addAudit({
      at: now().toISOString(),
      actor,
      action,
      target,
      client: clientOf(request, context),
    });

  /**
   * The staff member behind the request: a bearer token (scripts) or the session cookie.
   * Unsafe methods with the cookie must be JSON (a cross-site form cannot send that without a
   * CORS preflight), as a second defence beside SameSite=Strict.
   */
  const requireStaff = async (
    request: Request,
    context: RequestContext,
    need: Need,
  ): Promise<Staff> => {
    if (!isStaff) throw new HttpError('NOT_FOUND');
    const header = request.headers.get('authorization');
    if (header !== null) {
      // A bearer is a credential check like the sign-in form: the same limits, the same audit.
      const address = await addressAttempt(request, context);
      const token = bearerToken(header);
      if (token.startsWith(API_TOKEN_PREFIX)) {
        const row = await store.getApiToken(tokenHash(token));
        const live =
          row !== undefined &&
          row.revokedAt === undefined &&
          Date.parse(row.expiresAt) > now().getTime() &&
          (await accountKeys.fingerprint(row.actor)) !== undefined;
        if (!row || !live) {
          // An unknown token is not written down: the log must not hold a leaked token.
          await audit(request, context, row?.actor ?? '?', 'token-failed', row?.id);
          throw UNAUTHORIZED();
        }
        await release(address);
        await audit(request, context, row.actor, 'token', row.id);
        if (!scopeAllows(row.scope, need)) throw new HttpError('TOKEN_SCOPE');
        return {
          actor: row.actor,
          via: 'token',
          expiresAt: row.expiresAt,
          scope: narrowed(scopeFor(row.actor), row.provinces),
        };
      }
      const colon = token.indexOf(':');
      if (colon > 0) {
        // A person's name:secret is not a bearer any more (API tokens replace it); counted as a
        // failed check all the same, so guessing through this door costs what it costs elsewhere.
        const label = await accountKeys.label(token.slice(0, colon));
        await accountAttempt(label);
        await audit(request, context, label, 'bearer-failed');
        throw UNAUTHORIZED();
      }
      const actor = await credentials.bearer(request);
      if (!actor) {
        await audit(request, context, SHARED_TOKEN_ACTOR, 'bearer-failed');
        throw UNAUTHORIZED();
      }
      await release(address);
      await audit(request, context, actor, 'bearer');
      return { actor, via: 'bearer', expiresAt: undefined, scope: scopeFor(actor) };
    }
    const cookie = readCookie(request, SESSION_COOKIE);
    const session = await sessions.use(cookie, accountKeys.fingerprint).catch((error) => {
      // A 401 names the scheme that would work (RFC 9110); the cookie is not one, so Bearer.
      if (error instanceof HttpError) {
        throw new HttpError(error.code, {
          headers: { 'www-authenticate': 'Bearer realm="feedback"' },
        });
      }
      throw error;
    });
    if (!SAFE_METHODS.has(request.method.toUpperCase())) requireJsonType(request);
    return {
      actor: session.actor,
      via: 'cookie',
      expiresAt: session.expiresAt,
      scope: scopeFor(session.actor),
    };
  };

  /** The staff member, when their role may use `route` (403 FORBIDDEN otherwise). */
  const requireRoute = async (
    request: Request,
    context: RequestContext,
    need: Need,
    route: StaffRoute,
  ): Promise<Staff> => {
    const staff = await requireStaff(request, context, need);
    authorize(staff.scope, route);
    return staff;
  };

  const requireJsonType = (request: Request): void => {
    const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError('UNSUPPORTED_MEDIA_TYPE');
  };

  /** Over https (directly, or behind a trusted proxy that says so), the cookie is Secure. */
  const isHttps = (request: Request, context: RequestContext): boolean =>
    context.secure ?? new URL(request.url).protocol === 'https:';

  /** Headers that set the session cookie to `token` for the session's lifetime, or clear it. */
  const cookieHeaders = (
    request: Request,
    context: RequestContext,
    token?: string,
  ): Record<string, string> => ({
    'set-cookie':
      token === undefined
        ? sessionCookie('', 0, isHttps(request, context))
        : sessionCookie(token, Math.floor(sessions.times.maxMs / 1000), isHttps(request, context)),
    'cache-control': 'no-store',
  });

  const checkArticle = async (article: string): Promise<void> => {
    if (articleExists && !(await articleExists(article))) throw new HttpError('UNKNOWN_ARTICLE');
  };

  /** A reply must answer a published comment on the same article. */
  const checkParent = async (article: string, parent: string): Promise<void> => {
    const record = await store.getByCode(parent);
    if (record?.kind !== 'comment' || record.article !== article || record.status !== 'approved') {
      throw new HttpError('INVALID_FIELDS', {
        fields: [
          {
            field: 'parent',
            message: 'the comment replied to is not a published comment on this article',
          },
        ],
      });
    }
  };

  /**
   * The province of a submission, from the host's hook. A failing hook must not lose the
   * citizen's message: the record is stored without a province (admins see it) and the error
   * is reported.
   */
  const provinceOfSubmission = async (feedback: {
    serviceBaseId?: string | undefined;
    article?: string | undefined;
  }): Promise<string | undefined> => {
    if (!options.provinceOf) return undefined;
    try {
      return await options.provinceOf({
        serviceBaseId: feedback.serviceBaseId,
        article: feedback.article,
      });
    } catch (error) {
      onError(error);
      return undefined;
    }
  };

  const submit: Endpoint = async (request, context) => {
    refuseForeignOrigin(request);
    await takeToken('submit', submitLimit, request, context);
    const body = await readJsonBody(request, maxBodyBytes);
    const screening = screenSubmission(body, minFillMs);
    if (screening.kind === 'honeypot') {
      // Looks like success to the bot, so it does not adapt; nothing is stored.
      return jsonResponse({ code: formatTrackingCode(generateTrackingCode(), 'en') }, 201);
    }
    const { article, parent } = screening.feedback;
    if (article !== undefined) {
      await checkArticle(article);
      if (parent !== undefined) await checkParent(article, parent);
    }
    const province = await provinceOfSubmission(screening.feedback);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await store.insert({
          ...screening.feedback,
          province,
          idempotencyKey: scopedIdempotencyKey(
            screening.feedback.kind,
            clientOf(request, context),
            screening.feedback.idempotencyKey,
          ),
          code: generateTrackingCode(),
          receivedAt: now().toISOString(),
        });
        const code = formatTrackingCode(result.code, 'en');
        return jsonResponse({ code }, 201, { location: `${base}/${code}` });
      } catch (error) {
        if (!(error instanceof CodeCollisionError) || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  };

  const codeFrom = (segment: string): string => {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      text = segment;
    }
    const parsed = parseTrackingCode(text);
    if (!parsed.ok) {
      throw new HttpError('INVALID_TRACKING_CODE', {
        fields: [{ field: 'code', message: `tracking code refused: ${parsed.error}` }],
      });
    }
    return parsed.code;
  };

  /**
   * The record of a tracking code a citizen holds, for reading its status or erasing its
   * contact: guessing codes is held back by the per-client lookup limit.
   */
  const heldRecord = async (
    request: Request,
    context: RequestContext,
    segment: string,
  ): Promise<{ code: string; record: FeedbackRecord }> => {
    await takeToken('lookup', lookupLimit, request, context);
    const code = codeFrom(segment);
    const record = await store.getByCode(code);
    if (!record) throw new HttpError('UNKNOWN_TRACKING_CODE');
    return { code, record };
  };

  const lookup: Endpoint<string> = async (request, context, segment) => {
    const { code, record } = await heldRecord(request, context, segment);
    return jsonResponse(publicView(record, formatTrackingCode(code, 'en')));
  };

  /**
   * Whoever holds the code may erase the name and contact it carries, at once and without
   * signing in: the code is the citizen's proof, as for reading the status, and guessing codes
   * is held back by the same per-client limit as lookups. Audited as the citizen's action.
   */
  const eraseContact: Endpoint<string> = async (request, context, segment) => {
    refuseForeignOrigin(request);
    const { code } = await heldRecord(request, context, segment);
    const erased = (await store.eraseContacts({ code }, now().toISOString())) > 0;
    const target = formatTrackingCode(code, 'en');
    if (erased) await audit(request, context, 'citizen', 'contact-erased', target);
    return jsonResponse({ code: target, erased });
  };

  const list: Endpoint<URL> = async (request, context, url) => {
    const staff = await requireRoute(request, context, 'read', 'list');
    const { filter, limit, offset } = parseListQuery(url.searchParams);
    const page = await store.list(scopedFilter(staff.scope, filter), { limit, offset });
    const next = offset + page.items.length;
    return jsonResponse({
      items: page.items.map(staffView),
      total: page.total,
      limit,
      offset,
      nextOffset: next < page.total ? next : null,
    });
  };

  const exportCsv: Endpoint<URL> = async (request, context, url) => {
    const staff = await requireRoute(request, context, 'export', 'export');
    const filter = scopedFilter(staff.scope, parseListQuery(url.searchParams).filter);
    if (request.method.toUpperCase() !== 'HEAD') {
      await audit(request, context, staff.actor, 'csv-export', url.search || undefined);
    }
    const encoder = new TextEncoder();
    const records = store.exportRecords(filter)[Symbol.asyncIterator]();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // The BOM makes spreadsheet programs read the file as UTF-8 (Persian text intact).
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(CSV_COLUMNS)}`));
      },
      async pull(controller) {
        try {
          const next = await records.next();
          if (next.done) {
            controller.close();
            return;
          }
          const record: FeedbackRecord = next.value;
          controller.enqueue(encoder.encode(csvRow(csvValues(record))));
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await records.return?.();
      },
    });
    const day = now().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="feedback-${day}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  };

  const update: Endpoint<string> = async (request, context, segment) => {
    refuseForeignOrigin(request);
    const staff = await requireRoute(request, context, 'write', 'update');
    const code = codeFrom(segment);
    const body = await readJsonBody(request, maxBodyBytes);
    const changes = parseUpdate(body);
    const before = await store.getByCode(code);
    // Outside the role's kinds or provinces is answered as unknown: no probing other provinces.
    if (!before || !sees(staff.scope, before)) throw new HttpError('UNKNOWN_TRACKING_CODE');
    checkStatusFor(before.kind, changes.status);
    const record = await store.update(code, changes, now().toISOString());
    if (!record) throw new HttpError('UNKNOWN_TRACKING_CODE');
    const target = formatTrackingCode(code, 'en');
    for (const action of auditActions(before, changes)) {
      await audit(request, context, staff.actor, action, target);
    }
    return jsonResponse(staffView(record));
  };

  const comments: Endpoint<URL> = async (request, context, url) => {
    await takeToken('comments', commentsLimit, request, context);
    const article = url.searchParams.get('article');
    if (!isArticleId(article)) {
      throw new HttpError('INVALID_QUERY', {
        fields: [
          { field: 'article', message: 'give the news article id, e.g. fa/hesseh-service-base' },
        ],
      });
    }
    await checkArticle(article);
    const records = await store.approvedComments(article);
    // A reply whose parent is no longer published is shown on its own rather than dropped.
    const published = new Set(records.map((record) => record.code));
    const items = records.map((record) =>
      publicComment(
        record.parent !== undefined && !published.has(record.parent)
          ? { ...record, parent: undefined }
          : record,
      ),
    );
    return jsonResponse({ article, count: items.length, comments: items });
  };

  const commentCounts: Endpoint<URL> = async (request, context, url) => {
    await takeToken('comments', commentsLimit, request, context);
    const articles = parseArticleList(url.searchParams.get('articles'));
    const found = await store.commentCounts(articles);
    const counts: Record<string, number> = {};
    for (const article of articles) counts[article] = found.get(article) ?? 0;
    return jsonResponse({ counts });
  };

  const signIn: Endpoint = async (request, context) => {
    refuseForeignOrigin(request);
    // Reserved before the body is read: parallel slow bodies cannot add checks beyond the limit.
    const address = await addressAttempt(request, context);
    const body = await readJsonBody(request, maxBodyBytes);
    const { name, secret } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    if (typeof name !== 'string' || typeof secret !== 'string') {
      throw new HttpError('INVALID_FIELDS', {
        fields: [{ field: '', message: 'send { "name": "…", "secret": "…" }' }],
      });
    }
    // An unknown name is only ever stored as a keyed digest: it may be a secret in the wrong box.
    const label = await accountKeys.label(name.trim());
    const account = await accountAttempt(label);
    const configured = accountsByName.get(name.trim());
    const current = configured ? await currentHash(store, configured) : undefined;
    const actor = await credentials.signIn(name.trim(), secret, current);
    if (!actor) {
      await audit(request, context, label, 'sign-in-failed');
      throw new HttpError('BAD_CREDENTIALS');
    }
    await release(address, account);
    const token = await sessions.start(actor, await accountKeys.fingerprint(actor));
    await audit(request, context, actor, 'sign-in');
    return new Response(null, { status: 204, headers: cookieHeaders(request, context, token) });
  };

  const whoAmI: Endpoint = async (request, context) => {
    const staff = await requireRoute(request, context, 'read', 'whoAmI');
    // The inbox shows only what the role may do; the server checks every route all the same.
    return jsonResponse({
      name: staff.actor,
      expiresAt: staff.expiresAt ?? null,
      role: staff.scope.role ?? null,
      provinces: staff.scope.provinces,
    });
  };

  const signOut: Endpoint = async (request, context) => {
    refuseForeignOrigin(request);
    const token = readCookie(request, SESSION_COOKIE);
    if (token !== undefined) requireJsonType(request);
    const actor = await sessions.end(token);
    if (actor) await audit(request, context, actor, 'sign-out');
    return new Response(null, { status: 204, headers: cookieHeaders(request, context) });
  };

  /**
   * A signed-in person changes their own secret: the current one is checked like a sign-in (the
   * same limits and audit), the new one is stored hashed and overrides the configured hash
   * (own-secret.ts), and every session of the account ends; this one continues with a new cookie.
   */
  const changeSecret: Endpoint = async (request, context) => {
    refuseForeignOrigin(request);
    const staff = await requireRoute(request, context, 'write', 'changeSecret');
    const configured = accountsByName.get(staff.actor);
    // Tokens are for scripts, and the shared token is no person's account.
    if (staff.via !== 'cookie' || !configured) throw new HttpError('FORBIDDEN');
    const address = await addressAttempt(request, context);
    const account = await accountAttempt(staff.actor);
    const { oldSecret, newSecret } = parseSecretChange(await readJsonBody(request, maxBodyBytes));
    const current = await currentHash(store, configured);
    if (!(await credentials.signIn(staff.actor, oldSecret, current))) {
      await audit(request, context, staff.actor, 'secret-change-failed');
      throw new HttpError('BAD_CREDENTIALS');
    }
    await release(address, account);
    await store.setStaffSecret({
      actor: staff.actor,
      // As costly as the configured hash (hash-secret's cost, or more, in a real configuration).
      secretHash: await hashSecret(newSecret, parseSecretHash(configured.secretHash, 0)),
      replaces: configuredDigest(configured.secretHash),
      changedAt: now().toISOString(),
    });
    const ended = await sessions.endAll(staff.actor);
    const token = await sessions.start(staff.actor, await accountKeys.fingerprint(staff.actor));
    await audit(request, context, staff.actor, 'secret-changed');
    return jsonResponse(
      { ended: Math.max(0, ended - 1) },
      200,
      cookieHeaders(request, context, token),
    );
  };

  /** Ends every session of the signed-in account (a lost phone, a shared computer). */
  const signOutEverywhere: Endpoint = async (request, context) => {
    refuseForeignOrigin(request);
    const staff = await requireRoute(request, context, 'write', 'signOutEverywhere');
    const ended = await sessions.endAll(staff.actor);
    await audit(request, context, staff.actor, 'sign-out-everywhere');
    return jsonResponse({ ended }, 200, cookieHeaders(request, context));
  };

  /** Token management needs a person: a session, not a script's bearer. */
  const requirePerson = async (
    request: Request,
    context: RequestContext,
    route: StaffRoute,
  ): Promise<Staff> => {
    const staff = await requireRoute(request, context, 'write', route);
    if (staff.via !== 'cookie') throw new HttpError('TOKEN_SCOPE');
    return staff;
  };

  const createToken: Endpoint = async (request, context) => {
    refuseForeignOrigin(request);
    const staff = await requirePerson(request, context, 'createToken');
    const wanted = parseTokenRequest(await readJsonBody(request, maxBodyBytes));
    const mine = staff.scope.provinces;
    const beyond = wanted.provinces?.filter((id) => mine !== 'all' && !mine.includes(id)) ?? [];
    if (beyond.length > 0) {
      // A token never reaches further than its maker.
      throw new HttpError('INVALID_FIELDS', {
        fields: [{ field: 'provinces', message: `not among your provinces: ${beyond.join(', ')}` }],
      });
    }
    const { token, row } = newApiToken(staff.actor, wanted, now());
    await store.createApiToken(row);
    await audit(request, context, staff.actor, 'token-created', row.id);
    return jsonResponse({ ...tokenView(row, now()), token }, 201);
  };

  const listTokens: Endpoint = async (request, context) => {
    const staff = await requirePerson(request, context, 'listTokens');
    const rows = await store.listApiTokens(staff.actor);
    return jsonResponse({ items: rows.map((row) => tokenView(row, now())) });
  };

  const revokeToken: Endpoint<string> = async (request, context, id) => {
    refuseForeignOrigin(request);
    const staff = await requirePerson(request, context, 'revokeToken');
    if (!(await store.revokeApiToken(staff.actor, id, now().toISOString()))) {
      throw new HttpError('NOT_FOUND');
    }
    await audit(request, context, staff.actor, 'token-revoked', id);
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  };

  const auditLog: Endpoint<URL> = async (request, context, url) => {
    await requireRoute(request, context, 'read', 'audit');
    const { target, ...page } = parseAuditQuery(url.searchParams);
    const { items, total } = await store.listAudit(page, target);
    return jsonResponse({ items, total, limit: page.limit, offset: page.offset });
  };

  const methodNotAllowed = (allowed: readonly string[]): never => {
    throw new HttpError('METHOD_NOT_ALLOWED', { headers: { allow: allowed.join(', ') } });
  };

  /** A route: the methods it answers and what to run for each. */
  type Route = Record<string, () => Promise<Response>>;

  const routeFor = (path: string, url: URL, request: Request, context: RequestContext): Route => {
    if (path === base) {
      const methods: Route = { POST: () => submit(request, context) };
      if (isStaff) methods.GET = () => list(request, context, url);
      else if (request.method.toUpperCase() === 'GET') throw new HttpError('NOT_FOUND');
      return methods;
    }
    if (path === `${base}.csv` && isStaff) {
      const run = () => exportCsv(request, context, url);
      return { GET: run, HEAD: run };
    }
    if (path.startsWith(`${base}/`) && !path.slice(base.length + 1).includes('/')) {
      const segment = path.slice(base.length + 1);
      const run = () => lookup(request, context, segment);
      const methods: Route = { GET: run, HEAD: run };
      if (isStaff) methods.PATCH = () => update(request, context, segment);
      else if (request.method.toUpperCase() === 'PATCH') {
        // A staff-only method without staff configured is "absent", like the staff routes.
        throw new HttpError('NOT_FOUND');
      }
      return methods;
    }
    if (path.startsWith(`${base}/`) && path.endsWith('/contact')) {
      const segment = path.slice(base.length + 1, -'/contact'.length);
      if (segment !== '' && !segment.includes('/')) {
        return { DELETE: () => eraseContact(request, context, segment) };
      }
    }
    if (path === commentsPath) {
      const run = () => comments(request, context, url);
      return { GET: run, HEAD: run };
    }
    if (path === `${commentsPath}/counts`) {
      const run = () => commentCounts(request, context, url);
      return { GET: run, HEAD: run };
    }
    if (path === `${staffPath}/session` && isStaff) {
      return {
        GET: () => whoAmI(request, context),
        POST: () => signIn(request, context),
        DELETE: () => signOut(request, context),
      };
    }
    if (path === `${staffPath}/secret` && isStaff) {
      return { PUT: () => changeSecret(request, context) };
    }
    if (path === `${staffPath}/sessions` && isStaff) {
      return { DELETE: () => signOutEverywhere(request, context) };
    }
    if (path === `${staffPath}/tokens` && isStaff) {
      return { GET: () => listTokens(request, context), POST: () => createToken(request, context) };
    }
    if (path.startsWith(`${staffPath}/tokens/`) && isStaff) {
      const id = path.slice(staffPath.length + '/tokens/'.length);
      if (/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
        return { DELETE: () => revokeToken(request, context, id) };
      }
    }
    if (path === `${staffPath}/audit` && isStaff) {
      return { GET: () => auditLog(request, context, url) };
    }
    throw new HttpError('NOT_FOUND');
  };

  const route = async (request: Request, context: RequestContext): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const method = request.method.toUpperCase();
    const routes = routeFor(path, url, request, context);
    const methods = Object.keys(routes).filter((name) => name !== 'HEAD');

    if (method === 'OPTIONS') {
      if (request.headers.has('access-control-request-method')) {
        return cors.preflight(request, [...methods, 'OPTIONS'], allowHeaders);
      }
      return new Response(null, {
        status: 204,
        headers: { allow: [...methods, 'OPTIONS'].join(', ') },
      });
    }
    const run = routes[method];
    if (run) return run();
    return methodNotAllowed([...methods, 'OPTIONS']);
  };

  return async (request, context = {}) => {
    let response: Response;
    try {
      response = await route(request, context);
    } catch (error) {
      if (error instanceof HttpError) response = error.toResponse();
      else {
        onError(error);
        response = errorResponse('INTERNAL');
      }
    }
    const preflight =
      request.method.toUpperCase() === 'OPTIONS' &&
      request.headers.has('access-control-request-method');
    // Preflight answers carry their own CORS headers; every other answer (errors included, so an
    // embedded form can read the message) gets them here.
    if (!preflight) cors.apply(request, response.headers);
    return response;
  };
}

/** The audit actions a staff update amounts to. */
function auditActions(before: FeedbackRecord, changes: FeedbackUpdate): string[] {
  const actions: string[] = [];
  // Logged even when the status does not change: the log records what staff did.
  if (changes.status !== undefined) {
    if (before.kind === 'comment' && changes.status === 'approved') actions.push('approve');
    else if (before.kind === 'comment' && changes.status === 'rejected') actions.push('reject');
    else actions.push('status-change');
  }
  if (changes.publicReply !== undefined) {
    actions.push(changes.publicReply === null ? 'reply-removed' : 'reply');
  }
  return actions;
}
