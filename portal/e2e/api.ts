import { expect } from 'vitest';

/** POSTs `body` as JSON (a string is sent as it is: malformed bodies are tests too). */
export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Signs in through the inbox's own route; the session cookie (`bz_staff=…`) for later requests. */
export async function staffCookie(
  origin: string,
  account: { name: string; secret: string },
): Promise<string> {
  const response = await postJson(`${origin}/api/staff/session`, account);
  expect(response.status).toBe(204);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/api/);
  return cookie.split(';')[0] ?? '';
}
