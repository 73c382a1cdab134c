// Validation for publishing: every record is checked against ServiceBaseSchema; a bad record
// is skipped and reported (with the same plain-English sentences as validate-data), never
// fatal, so one typo in one province does not take the whole locator down.

import { validateRecord } from '../schemas/explain-issues.ts';
import { type ServiceBase, ServiceBaseSchema } from '../schemas/service-base.ts';

/** A source record left out of the published data, and why. */
export interface SkippedRecord {
  /** 1-based position among the records given. */
  position: number;
  /** The record's id, when it has a readable one. */
  id?: string;
  /** One sentence per problem: `field — reason`. */
  problems: string[];
}

/** The records that passed, and those skipped. */
export interface ValidatedBases {
  bases: ServiceBase[];
  skipped: SkippedRecord[];
}

/**
 * Validates raw records (as read from YAML, JSON or CSV). Invalid records and later records
 * reusing an id are skipped with their problems; the first record with an id wins.
 */
export function validateServiceBases(values: readonly unknown[]): ValidatedBases {
  const bases: ServiceBase[] = [];
  const skipped: SkippedRecord[] = [];
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const rawId =
      typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
    const id = typeof rawId === 'string' ? rawId : undefined;
    const check = validateRecord(ServiceBaseSchema, value);
    if (!check.ok) {
      skipped.push({
        position: i + 1,
        ...(id === undefined ? {} : { id }),
        problems: check.issues.map((issue) => `${issue.field || '(record)'} — ${issue.message}`),
      });
      return;
    }
    if (seen.has(check.value.id)) {
      skipped.push({
        position: i + 1,
        id: check.value.id,
        problems: [`id — '${check.value.id}' is already used by an earlier record`],
      });
      return;
    }
    seen.add(check.value.id);
    bases.push(check.value);
  });
  return { bases, skipped };
}
