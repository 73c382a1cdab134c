#!/usr/bin/env node
// Starts src/server.ts; needs Node ≥ 22.18 (core's launch.mjs tells an older Node so).
import { launch } from '@behzisti/core/launch';

await launch('feedback-service', () => import('../src/server.ts'));
