import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFilesIn, readServiceBaseFolder } from '@behzisti/core/data-files';
import type { Loader } from 'astro/loaders';
import { readProgrammeFiles } from './programme-files.ts';

/**
 * Content-collection loaders for the two datasets the widgets also read, so the directory and
 * programme pages are built from the very files (and the same validation) as
 * public/data/locator/ and public/data/programmes.json (scripts/publish-*.ts): one copy of
 * the data, one set of rules for what gets published.
 */

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
      const { bases, skipped, fileProblems } = readServiceBaseFolder(root, { relativeTo: root });
      for (const problem of fileProblems) logger.warn(problem);
      for (const record of skipped) {
        logger.warn(
          `skipped ${record.where}${record.id ? ` (${record.id})` : ''}: ${record.problems.join('; ')}`,
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
      const { found, errors } = readProgrammeFiles(
        dataFilesIn(root, { recursive: false }),
        (file) => relative(root, file),
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
