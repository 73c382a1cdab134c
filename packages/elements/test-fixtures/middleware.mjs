// Test-only routes of the @web/test-runner dev server, so widgets can be tested against real
// HTTP failures (status codes, slow answers, wrong content) rather than a mocked fetch.
//   /__test__/status/<code>   answers with that status
//   /__test__/slow/<ms>       answers {"ok":true} after <ms> milliseconds
//   /__test__/text            answers 200 with a body that is not JSON
/** @param {import('koa').Context} context @param {() => Promise<void>} next */
export async function testRoutes(context, next) {
  const [, prefix, kind, value] = context.path.split('/');
  if (prefix !== '__test__') return next();
  if (kind === 'status') {
    context.status = Number(value);
    context.body = { error: 'test' };
  } else if (kind === 'slow') {
    await new Promise((resolve) => setTimeout(resolve, Number(value)));
    context.body = { ok: true };
  } else if (kind === 'text') {
    context.type = 'text/html';
    context.body = '<!doctype html><p>not json</p>';
  } else {
    return next();
  }
}
