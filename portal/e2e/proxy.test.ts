import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RawAnswer, readAnswer } from './raw-http.ts';
import { freePort, type PortalServer, startPortalServer } from './server.setup.ts';
import { tempFolder } from './temp.ts';

/** The run's staff account (server.setup.ts): its secret, and its hashed FEEDBACK_STAFF line. */
const testStaff = inject('staff');

// The portal behind a real reverse proxy: Debian's nginx with the repository's own site file
// (deploy/nginx/portal.conf, the one docs/deployment.md shows) in front of two portal
// instances, TLS with a throwaway certificate. And the same server without a proxy, where a
// forged X-Forwarded-For or X-Forwarded-Proto must change nothing.
//
// Clients here connect from other loopback addresses (127.0.0.3, 127.0.0.4) than nginx's
// (127.0.0.1), so the portal can tell "the proxy" from "a client" on one machine.

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const template = new URL('../../deploy/nginx/portal.conf', import.meta.url).pathname;

/** A request from `localAddress`, over https (trusting `ca`) or http. */
function ask(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    from?: string;
    ca?: Buffer;
  } = {},
): Promise<RawAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from ?? '127.0.0.3',
        ...(options.ca ? { ca: options.ca, servername: 'localhost' } : {}),
        agent: false,
      },
      (res) => readAnswer(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const signInFailure = (base: string, from: string, forged: string, ca?: Buffer) =>
  ask(`${base}/api/staff/session`, {
    method: 'POST',
    from,
    ca,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forged },
    body: JSON.stringify({ name: testStaff.name, secret: 'wrong-secret' }),
  });

describe.skipIf(!nginx)('behind nginx (deploy/nginx/portal.conf)', () => {
  const folder = tempFolder('nginx');
  const dir = folder.path;
  let portals: PortalServer[] = [];
  let proxy: ChildProcess | undefined;
  let https = '';
  let http = '';
  let ca: Buffer;

  beforeAll(async () => {
    // Both instances share one store, as two instances behind a balancer must.
    const shared = {
      TRUSTED_PROXIES: '127.0.0.1',
      FEEDBACK_DB: join(dir, 'shared.sqlite'),
      FEEDBACK_STAFF: testStaff.config,
    };
    portals = [
      await startPortalServer(undefined, shared),
      await startPortalServer(undefined, shared),
    ];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(dir, 'cert.pem'));
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const values: Record<string, string> = {
      SERVER_NAME: 'localhost',
      HTTPS_ORIGIN: `https://localhost:${httpsPort}`,
      HTTP_LISTEN: `127.0.0.1:${httpPort}`,
      HTTPS_LISTEN: `127.0.0.1:${httpsPort}`,
      TLS_CERT: join(dir, 'cert.pem'),
      TLS_KEY: join(dir, 'key.pem'),
      PORTAL_1: new URL(portals[0]?.baseUrl ?? '').host,
      PORTAL_2: new URL(portals[1]?.baseUrl ?? '').host,
    };
    // The site file exactly as shipped, placeholders filled in as envsubst would.
    const site = readFileSync(template, 'utf8').replace(/\$\{(\w+)\}/g, (_m, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`deploy/nginx/portal.conf: unknown \${${name}}`);
      return value;
    });
    writeFileSync(join(dir, 'site.conf'), site);
    // What a distribution's nginx.conf provides around the site file, in the temporary folder.
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
worker_processes 1;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
    );
    proxy = spawn(
      nginx as string,
      ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    https = `https://localhost:${httpsPort}`;
    http = `http://127.0.0.1:${httpPort}`;
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await ask(`${https}/healthz`, { ca })).status === 200) break;
      } catch (error) {
        if (attempt > 100 || proxy.exitCode !== null) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);

  afterAll(() => {
    proxy?.kill('SIGTERM');
    for (const portal of portals) portal.stop();
    folder.remove();
  });

  it('redirects plain http to https', async () => {
    const answer = await ask(`${http}/news/?page=2`);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`${https}/news/?page=2`);
  });

  it('serves pages precompressed with the portal headers, HSTS included, over https', async () => {
    const answer = await ask(`${https}/`, { ca, headers: { 'accept-encoding': 'br, gzip' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(answer.body).toString()).toContain('<html');
    expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(answer.headers['content-security-policy']).toMatch(/script-src 'self'/);
    // nginx's $request_id went through as the portal's request id.
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives the staff cookie the Secure flag (the original request was https)', async () => {
    const answer = await ask(`${https}/api/staff/session`, {
      method: 'POST',
      ca,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: testStaff.name, secret: testStaff.secret }),
    });
    expect(answer.status).toBe(204);
    expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('limits each client by its own address, which a forged X-Forwarded-For cannot change', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await signInFailure(https, '127.0.0.3', `198.51.100.${i}`, ca)).status);
    }
    // Five failures are allowed per client; every forged address was the same client.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another client behind the same proxy is not locked out with it.
    expect((await signInFailure(https, '127.0.0.4', '198.51.100.1', ca)).status).toBe(401);
  });
});

describe('the recipe as written', () => {
  it('shows deploy/nginx/portal.conf verbatim in docs/deployment.md', () => {
    const doc = readFileSync(new URL('../../docs/deployment.md', import.meta.url), 'utf8');
    expect(doc).toContain(readFileSync(template, 'utf8').trimEnd());
  });
});

describe('without a proxy', () => {
  let portal: PortalServer;
  beforeAll(async () => {
    portal = await startPortalServer(undefined, { FEEDBACK_STAFF: testStaff.config });
  });
  afterAll(() => portal?.stop());

  it('ignores X-Forwarded-For and -Proto from an untrusted peer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await signInFailure(portal.baseUrl, '127.0.0.3', `203.0.113.${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const signIn = await ask(`${portal.baseUrl}/api/staff/session`, {
      method: 'POST',
      from: '127.0.0.5',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ name: testStaff.name, secret: testStaff.secret }),
    });
    expect(signIn.status).toBe(204);
    expect(String(signIn.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(signIn.headers['strict-transport-security']).toBeUndefined();
  });
});
