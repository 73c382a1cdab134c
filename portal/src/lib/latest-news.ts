import { type ProvinceId, ProvinceIdSchema } from '@behzisti/core/schemas';
import type { Locale } from '../i18n/ui.ts';
import { listTag, provinceTag } from './news-tags.ts';

/**
 * The block route's parameter (`home` or a province id, paths.ts `latestNewsPath`): what the
 * block shows and the route-cache tags a publish purges it by (the news list of the locale, or
 * the province's list); undefined for anything else (404).
 */
export function latestNewsScope(
  locale: Locale,
  scope: string | undefined,
): { province: ProvinceId | undefined; cacheTags: string[] } | undefined {
  if (scope === 'home') return { province: undefined, cacheTags: [listTag(locale)] };
  const province = ProvinceIdSchema.safeParse(scope);
  if (!province.success) return undefined;
  return { province: province.data, cacheTags: [provinceTag(locale, province.data)] };
}
