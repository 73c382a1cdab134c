#!/usr/bin/env node
// Launcher: the CLI is TypeScript, run directly by Node's built-in type stripping (Node ≥ 22.18).
if (!process.features.typescript) {
  console.error(
    'check-rules needs Node.js 22.18 or newer (Node 24 recommended) to run TypeScript directly.',
  );
  process.exit(2);
}
const { main } = await import('../src/cli/check-rules.ts');
process.exitCode = main(process.argv.slice(2));
