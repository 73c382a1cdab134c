// Every error the API answers with: a stable code for programs, a sentence in Persian and
// English for people that says what to do next, and the fields at fault when there are any.

// The error body is part of the API contract in core, shared with the elements.
import type {
  ErrorBody,
  ErrorCode,
  FieldError,
  ServiceMessage as Message,
} from '@behzisti/core/feedback-api';

export type { ErrorBody, ErrorCode, FieldError, Message };

const MESSAGES: Record<ErrorCode, Message> = {
  BAD_REQUEST: {
    fa: 'نشانی یا درخواست خراب به ما رسید. نشانی را بررسی کنید یا صفحه را دوباره بارگذاری کنید.',
    en: 'The address or request reached us damaged. Check the address or reload the page.',
  },
  NOT_FOUND: {
    fa: 'این نشانی وجود ندارد. نشانی را بررسی کنید.',
    en: 'There is nothing at this address. Check the address.',
  },
  METHOD_NOT_ALLOWED: {
    fa: 'این نشانی این نوع درخواست را نمی‌پذیرد.',
    en: 'This address does not accept this kind of request.',
  },
  PAYLOAD_TOO_LARGE: {
    fa: 'پیام بیش از اندازه بلند است. آن را کوتاه‌تر کنید و دوباره بفرستید.',
    en: 'The message is too long. Shorten it and send it again.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    fa: 'فرم باید به صورت JSON (application/json) فرستاده شود. صفحه را دوباره بارگذاری کنید و دوباره بفرستید.',
    en: 'The form must be sent as JSON (application/json). Reload the page and send it again.',
  },
  MALFORMED_JSON: {
    fa: 'فرم ناقص یا خراب به ما رسید. صفحه را دوباره بارگذاری کنید و دوباره بفرستید.',
    en: 'The form reached us incomplete or damaged. Reload the page and send it again.',
  },
  INVALID_FIELDS: {
    fa: 'برخی از بخش‌های فرم درست پر نشده‌اند. آن‌ها را اصلاح کنید و دوباره بفرستید.',
    en: 'Some parts of the form are not filled in correctly. Correct them and send again.',
  },
  TOO_FAST: {
    fa: 'فرم خیلی سریع فرستاده شد. لطفاً کمی صبر کنید و دوباره بفرستید.',
    en: 'The form was sent very quickly. Please take a moment and send it again.',
  },
  RATE_LIMITED: {
    fa: 'در این مدت درخواست‌های زیادی از شما رسیده است. چند دقیقه صبر کنید و دوباره امتحان کنید.',
    en: 'We received many requests from you in a short time. Wait a few minutes and try again.',
  },
  ORIGIN_NOT_ALLOWED: {
    fa: 'این وبگاه اجازهٔ فرستادن به این سرویس را ندارد. با مدیر وبگاه تماس بگیرید.',
    en: 'This website is not allowed to send to this service. Contact the website’s administrator.',
  },
  INVALID_TRACKING_CODE: {
    fa: 'این کد پیگیری درست نیست؛ احتمالاً رقمی اشتباه نوشته شده یا دو رقم جابه‌جا شده‌اند. کد را دوباره بررسی کنید.',
    en: 'This tracking code is not valid; a digit may be mistyped or two digits swapped. Check the code again.',
  },
  UNKNOWN_TRACKING_CODE: {
    fa: 'پیامی با این کد پیگیری پیدا نشد. کد را بررسی کنید یا با پایگاه خدمات تماس بگیرید.',
    en: 'No message was found with this tracking code. Check the code or contact the service base.',
  },
  UNAUTHORIZED: {
    fa: 'برای این کار باید با کلید کارکنان وارد شوید.',
    en: 'This needs the staff key. Sign in with it and try again.',
  },
  INVALID_QUERY: {
    fa: 'برخی از پالایه‌های جست‌وجو درست نیستند. آن‌ها را اصلاح کنید.',
    en: 'Some search filters are not valid. Correct them and try again.',
  },
  BAD_CREDENTIALS: {
    fa: 'نام کاربری یا رمز درست نیست. آن‌ها را دوباره بنویسید؛ پس از چند تلاش نادرست باید چند دقیقه صبر کنید.',
    en: 'The name or secret is not right. Type them again; after a few wrong tries you will have to wait a few minutes.',
  },
  SIGNED_OUT: {
    fa: 'شما وارد نشده‌اید. برای دیدن این بخش با نام و رمز کارکنان وارد شوید.',
    en: 'You are not signed in. Sign in with your staff name and secret to see this.',
  },
  SESSION_EXPIRED: {
    fa: 'نشست شما به پایان رسیده است. برای ادامه دوباره وارد شوید.',
    en: 'Your session has ended. Sign in again to continue.',
  },
  TOKEN_SCOPE: {
    fa: 'این توکن اجازهٔ این کار را ندارد. در صندوق کارکنان توکنی با دامنهٔ لازم بسازید، یا با نام و رمز خود وارد شوید.',
    en: 'This token is not allowed to do this. Make a token with the scope it needs in the staff inbox, or sign in with your name and secret.',
  },
  UNKNOWN_ARTICLE: {
    fa: 'این خبر پیدا نشد و نمی‌توان برای آن دیدگاه فرستاد. صفحه را دوباره بارگذاری کنید.',
    en: 'This news article was not found, so comments cannot be sent to it. Reload the page.',
  },
  FORBIDDEN: {
    fa: 'نقش شما در این سامانه اجازهٔ این کار را نمی‌دهد. اگر به آن نیاز دارید، از مدیر سامانه بخواهید نقش یا استان‌های شما را تغییر دهد.',
    en: 'Your role does not allow this. If you need it, ask an administrator to change your role or provinces.',
  },
  INTERNAL: {
    fa: 'مشکلی در سرور پیش آمد و پیام شما ذخیره نشد. چند دقیقه دیگر دوباره بفرستید.',
    en: 'Something went wrong on the server and your message was not saved. Send it again in a few minutes.',
  },
};

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  MALFORMED_JSON: 400,
  INVALID_FIELDS: 422,
  TOO_FAST: 422,
  RATE_LIMITED: 429,
  ORIGIN_NOT_ALLOWED: 403,
  INVALID_TRACKING_CODE: 422,
  UNKNOWN_TRACKING_CODE: 404,
  UNAUTHORIZED: 401,
  INVALID_QUERY: 422,
  BAD_CREDENTIALS: 401,
  SIGNED_OUT: 401,
  SESSION_EXPIRED: 401,
  TOKEN_SCOPE: 403,
  UNKNOWN_ARTICLE: 404,
  FORBIDDEN: 403,
  INTERNAL: 500,
};

/** Headers on every JSON answer: never cached, never sniffed as HTML. */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response with the API's standard headers. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): Response {
  const all = new Headers(headers);
  for (const [name, value] of Object.entries(JSON_HEADERS)) all.set(name, value);
  return new Response(JSON.stringify(body), { status, headers: all });
}

/** The error response for `code`, with its HTTP status and localized message. */
export function errorResponse(
  code: ErrorCode,
  options: { fields?: FieldError[]; headers?: Record<string, string>; requestId?: string } = {},
): Response {
  const body: ErrorBody = { error: { code, message: MESSAGES[code] } };
  if (options.fields) body.error.fields = options.fields;
  // Quoted to the help desk, it finds the log line of a failed request.
  if (options.requestId) body.error.requestId = options.requestId;
  return jsonResponse(body, STATUS[code], options.headers);
}

/** Thrown inside the handler to answer with an error response. */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { fields?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'HttpError';
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
  }

  toResponse(): Response {
    const options: { fields?: FieldError[]; headers?: Record<string, string> } = {};
    if (this.fields) options.fields = this.fields;
    if (this.headers) options.headers = this.headers;
    return errorResponse(this.code, options);
  }
}
