#!/usr/bin/env node
// Runs src/hash-secret.ts; needs Node ≥ 22.18 (core's launch.mjs tells an older Node so).
import { launch } from '@behzisti/core/launch';

await launch('hash-secret', () => import('../src/hash-secret.ts'));
