import { defineCollection } from 'astro:content';
import { programmeLoader, serviceBaseLoader } from './lib/data-loaders.ts';

// News are not a collection: they live in the news store (src/lib/news-store.ts), filled by
// syncNews (src/lib/news-sync.ts) with the same checks (core's NewsItemSchema, the date as
// written, the picture beside the file), so that neither the server bundle nor Astro's one-string
// content store holds them (docs/scale.md).

/**
 * Service bases and programmes: the same files, read and validated the same way, as the data
 * the locator and the eligibility checker fetch (see lib/data-loaders.ts). The loaders store
 * records already validated by core's schemas, so no second schema is given here; the pages
 * read them through lib/directory.ts and lib/programmes.ts, typed as core's ServiceBase and
 * Programme.
 */
const serviceBases = defineCollection({ loader: serviceBaseLoader() });
const programmes = defineCollection({ loader: programmeLoader() });

export const collections = { serviceBases, programmes };
