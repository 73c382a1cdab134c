#!/usr/bin/env node
// Runs src/erase-contacts.ts; needs Node ≥ 22.18 (core's launch.mjs tells an older Node so).
import { launch } from '@behzisti/core/launch';

await launch('erase-contacts', () => import('../src/erase-contacts.ts'));
