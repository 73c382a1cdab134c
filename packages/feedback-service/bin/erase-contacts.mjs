#!/usr/bin/env node
// Launcher for src/erase-contacts.ts (TypeScript run by Node's built-in type stripping).
if (!process.features.typescript) {
  console.error('erase-contacts needs Node.js 22.18 or newer (Node 24 recommended).');
  process.exit(2);
}
const { main } = await import('../src/erase-contacts.ts');
process.exitCode = await main(process.argv.slice(2));
