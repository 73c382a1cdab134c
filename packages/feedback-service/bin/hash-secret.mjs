#!/usr/bin/env node
// Launcher for src/hash-secret.ts (TypeScript run by Node's built-in type stripping).
if (!process.features.typescript) {
  console.error('hash-secret needs Node.js 22.18 or newer (Node 24 recommended).');
  process.exit(2);
}
const { main } = await import('../src/hash-secret.ts');
process.exitCode = await main(process.argv.slice(2));
