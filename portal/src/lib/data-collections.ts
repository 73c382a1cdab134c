import { getCollection } from 'astro:content';
import type { Programme, ServiceBase } from '@behzisti/core/schemas';

/**
 * The service bases and programmes as the collections hold them (validated by core's schemas
 * in lib/data-loaders.ts), read once per build.
 */

let bases: Promise<ServiceBase[]> | undefined;
let programmes: Promise<Programme[]> | undefined;

export function loadServiceBases(): Promise<ServiceBase[]> {
  bases ??= getCollection('serviceBases').then((entries) =>
    entries.map((entry) => entry.data as ServiceBase),
  );
  return bases;
}

export function loadProgrammes(): Promise<Programme[]> {
  programmes ??= getCollection('programmes').then((entries) =>
    entries.map((entry) => entry.data as Programme),
  );
  return programmes;
}
