import { z } from 'zod';
import { type ProvinceId, provinces } from '../provinces.ts';
import { notOneOf } from './enum-error.ts';

export { type ProvinceId, provinceName, provinces } from '../provinces.ts';

const provinceIds = provinces.map((province) => province.id) as [ProvinceId, ...ProvinceId[]];

/** A province id from the closed list `provinces`. */
export const ProvinceIdSchema = z
  .enum(provinceIds, {
    error: notOneOf('a province id', `one of: ${provinceIds.join(', ')}`),
  })
  .describe(
    "Province id from core's list of Iran's 31 provinces (e.g. isfahan, kerman, ardabil, markazi).",
  );
