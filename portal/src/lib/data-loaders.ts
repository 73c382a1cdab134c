import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFromPath, readRecords } from '@behzisti/core/data-files';
import { validateServiceBases } from '@behzisti/core/locator';
import type { Loader } from 'astro/loaders';
import { readProgrammeFiles } from './programme-files.ts';

/**
 * Content-collection loaders for the two datasets the widgets also read, so the directory and
 * programme pages are built from the very files (and the same validation) as
 * public/data/locator/ and public/data/programmes.json (scripts/publish-*.ts): one copy of
 * the data, one set of rules for what gets published.
 */

/** Data files under a folder, recursively, in a stable order (as publish-locator-data.ts). */
function dataFiles(folder: string, recursive: boolean): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.name.startsWith('.')) return [];
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return recursive ? dataFiles(path, true) : [];
      return entry.isFile() && formatFromPath(entry.name) ? [path] : [];
    });
}

/**
 * Service bases: every YAML, JSON or CSV file under `folder` (relative to the project root),
 * validated with ServiceBaseSchema through the locator's own validateServiceBases. As for the
 * locator, a bad record is skipped with a warning rather than failing the build, so the
 * directory lists exactly the bases the locator finds.
 */
export function serviceBaseLoader(folder = 'src/content/service-bases'): Loader {
  return {
    name: 'behzisti-service-bases',
    load: async ({ store, config, logger, generateDigest }) => {
      const root = fileURLToPath(new URL(`${folder}/`, config.root));
      const values: unknown[] = [];
      const origins: string[] = [];
      for (const file of dataFiles(root, true)) {
        const format = formatFromPath(file);
        if (!format) continue;
        const read = readRecords(readFileSync(file, 'utf8'), format);
        for (const problem of read.problems)
          logger.warn(`${relative(root, file)}: ${problem.field} — ${problem.message}`);
        for (const record of read.records) {
          values.push(record.value);
          origins.push(`${relative(root, file)}:${record.row ?? record.index}`);
        }
      }
      const { bases, skipped } = validateServiceBases(values);
      for (const record of skipped) {
        const where = origins[record.position - 1] ?? `record ${record.position}`;
        logger.warn(
          `skipped ${where}${record.id ? ` (${record.id})` : ''}: ${record.problems.join('; ')}`,
        );
      }
      store.clear();
      for (const base of bases) {
        const data = base as unknown as Record<string, unknown>;
        store.set({ id: base.id, data, digest: generateDigest(data) });
      }
    },
  };
}

/**
 * Programmes: one YAML or JSON file per programme directly in `folder` (not the table tests
 * in sub-folders), validated with ProgrammeSchema; drafts are left out. An invalid programme
 * stops the build, as publish-programmes.ts does.
 */
export function programmeLoader(folder = 'src/content/programmes'): Loader {
  return {
    name: 'behzisti-programmes',
    load: async ({ store, config, generateDigest }) => {
      const root = fileURLToPath(new URL(`${folder}/`, config.root));
      const { found, errors } = readProgrammeFiles(dataFiles(root, false), (file) =>
        relative(root, file),
      );
      const programmes = found.map((entry) => entry.programme);
      if (errors.length > 0) throw new Error(`programmes:\n${errors.join('\n')}`);
      store.clear();
      for (const programme of programmes) {
        const data = programme as unknown as Record<string, unknown>;
        store.set({ id: programme.id, data, digest: generateDigest(data) });
      }
    },
  };
}
