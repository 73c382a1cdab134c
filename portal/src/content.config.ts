import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { NewsImageSchema, NewsItemSchema } from '@behzisti/core/schemas';
import { glob, type Loader } from 'astro/loaders';
import { programmeLoader, serviceBaseLoader } from './lib/data-loaders.ts';
import { writtenDate } from './lib/written-date.ts';

/**
 * Hands the schema each `date:` as the editor wrote it when YAML has already turned it into
 * a Date (and may have rolled an impossible or Solar Hijri day over; see written-date.ts).
 */
function withDatesAsWritten(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: async (props) => {
          if (!(props.data.date instanceof Date) || !props.filePath)
            return context.parseData(props);
          const date = writtenDate(await readFile(props.filePath, 'utf8'));
          return context.parseData(date ? { ...props, data: { ...props.data, date } } : props);
        },
      }),
  };
}

/**
 * News: `src/content/news/<fa|en>/<slug>.md`, front matter validated by core's NewsItemSchema
 * (the same schema the data tools and docs use), so a bad field stops the build with the file,
 * the field and the reason. Only the picture's `src` is swapped for Astro's `image()`: it
 * resolves the file beside the Markdown, fails the build when it is missing, and gives width
 * and height so the page does not jump when the picture arrives.
 */
/**
 * PORTAL_NEWS_DIR reads the news from another folder with the same layout (absolute, or
 * relative to portal/): the benchmark builds the site with thousands of generated items
 * without touching src/content.
 */
const newsDir = process.env.PORTAL_NEWS_DIR || './src/content/news';
const news = defineCollection({
  loader: withDatesAsWritten(glob({ base: newsDir, pattern: '**/*.md' })),
  schema: ({ image }) =>
    NewsItemSchema.extend({
      image: NewsImageSchema.extend({ src: image() }).optional(),
    }),
});

/**
 * Service bases and programmes: the same files, read and validated the same way, as the data
 * the locator and the eligibility checker fetch (see lib/data-loaders.ts). The loaders store
 * records already validated by core's schemas, so no second schema is given here; the pages
 * read them through lib/directory.ts and lib/programmes.ts, typed as core's ServiceBase and
 * Programme.
 */
const serviceBases = defineCollection({ loader: serviceBaseLoader() });
const programmes = defineCollection({ loader: programmeLoader() });

export const collections = { news, serviceBases, programmes };
