#!/usr/bin/env node
// Launcher: the service is TypeScript, run directly by Node's built-in type stripping (Node ≥ 22.18).
if (!process.features.typescript) {
  console.error(
    'feedback-service needs Node.js 22.18 or newer (Node 24 recommended) to run TypeScript directly.',
  );
  process.exit(2);
}
await import('../src/server.ts');
