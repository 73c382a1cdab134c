import { z } from 'zod';
import { type ProvinceId, provinces } from '../provinces.ts';

export { type ProvinceId, provinceName, provinces } from '../provinces.ts';

const provinceIds = provinces.map((province) => province.id) as [ProvinceId, ...ProvinceId[]];

/** A province id from the closed list `provinces`. */
export const ProvinceIdSchema = z
  .enum(provinceIds, {
    // An absent value is left to the generic "required field is missing".
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : `'${String(issue.input)}' is not a province id; use one of: ${provinceIds.join(', ')}`,
  })
  .describe(
    "Province id from core's list of Iran's 31 provinces (e.g. isfahan, kerman, ardabil, markazi).",
  );
