import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainSignal, pacedResponse } from '@behzisti/feedback-service/http/pace';
import { writeResponse } from 'astro/app/node';
import { afterEach, expect, it } from 'vitest';

// Astro's own writer (the one the portal's API answers go through) with the paced body: a
// client that does not read holds the source, instead of the whole body piling up in memory.

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function produced(paced: boolean): Promise<{ whilePaused: number; received: number }> {
  const chunk = new Uint8Array(64 * 1024);
  const total = 32 * 1024 * 1024;
  let count = 0;
  server = createServer((_req, res) => {
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (count >= total) controller.close();
        else {
          count += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const response = new Response(source);
    void writeResponse(paced ? pacedResponse(response, drainSignal(res)) : response, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const res = await new Promise<IncomingMessage>((resolve) => request(url, resolve).end());
  res.pause();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const whilePaused = count;
  let received = 0;
  res.on('data', (data: Buffer) => {
    received += data.length;
  });
  res.resume();
  await new Promise((resolve) => res.on('end', resolve));
  return { whilePaused, received };
}

it('reads the body only as fast as the client takes it', async () => {
  const paced = await produced(true);
  expect(paced.whilePaused).toBeLessThan(8 * 1024 * 1024);
  expect(paced.received).toBe(32 * 1024 * 1024);
});

it('(without pacing, Astro reads it all at once: what this guards against)', async () => {
  const unpaced = await produced(false);
  expect(unpaced.whilePaused).toBe(32 * 1024 * 1024);
});
