#!/usr/bin/env node
// Runs src/cli/validate-data.ts; needs Node ≥ 22.18 (launch.mjs tells an older Node so).
import { launch } from './launch.mjs';

await launch('validate-data', () => import('../src/cli/validate-data.ts'));
