#!/usr/bin/env node
// Runs src/cli/check-rules.ts; needs Node ≥ 22.18 (launch.mjs tells an older Node so).
import { launch } from './launch.mjs';

await launch('check-rules', () => import('../src/cli/check-rules.ts'));
