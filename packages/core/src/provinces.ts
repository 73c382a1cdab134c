import type { LocalizedText } from './schemas/localized-text.ts';

// Kept free of zod so widgets can name provinces without bundling the schema library
// (schemas/provinces.ts builds the validating enum from this list).

/**
 * Iran's 31 provinces with stable ids. A closed list so a typo in a province id is an error,
 * and the names live in one place instead of being retyped (and misspelled) in every record.
 */
export const provinces = [
  { id: 'azarbaijan-sharqi', name: { fa: 'آذربایجان شرقی', en: 'East Azerbaijan' } },
  { id: 'azarbaijan-gharbi', name: { fa: 'آذربایجان غربی', en: 'West Azerbaijan' } },
  { id: 'ardabil', name: { fa: 'اردبیل', en: 'Ardabil' } },
  { id: 'isfahan', name: { fa: 'اصفهان', en: 'Isfahan' } },
  { id: 'alborz', name: { fa: 'البرز', en: 'Alborz' } },
  { id: 'ilam', name: { fa: 'ایلام', en: 'Ilam' } },
  { id: 'bushehr', name: { fa: 'بوشهر', en: 'Bushehr' } },
  { id: 'tehran', name: { fa: 'تهران', en: 'Tehran' } },
  {
    id: 'chaharmahal-bakhtiari',
    name: { fa: 'چهارمحال و بختیاری', en: 'Chaharmahal and Bakhtiari' },
  },
  { id: 'khorasan-jonubi', name: { fa: 'خراسان جنوبی', en: 'South Khorasan' } },
  { id: 'khorasan-razavi', name: { fa: 'خراسان رضوی', en: 'Razavi Khorasan' } },
  { id: 'khorasan-shomali', name: { fa: 'خراسان شمالی', en: 'North Khorasan' } },
  { id: 'khuzestan', name: { fa: 'خوزستان', en: 'Khuzestan' } },
  { id: 'zanjan', name: { fa: 'زنجان', en: 'Zanjan' } },
  { id: 'semnan', name: { fa: 'سمنان', en: 'Semnan' } },
  { id: 'sistan-baluchestan', name: { fa: 'سیستان و بلوچستان', en: 'Sistan and Baluchestan' } },
  { id: 'fars', name: { fa: 'فارس', en: 'Fars' } },
  { id: 'qazvin', name: { fa: 'قزوین', en: 'Qazvin' } },
  { id: 'qom', name: { fa: 'قم', en: 'Qom' } },
  { id: 'kurdistan', name: { fa: 'کردستان', en: 'Kurdistan' } },
  { id: 'kerman', name: { fa: 'کرمان', en: 'Kerman' } },
  { id: 'kermanshah', name: { fa: 'کرمانشاه', en: 'Kermanshah' } },
  {
    id: 'kohgiluyeh-boyer-ahmad',
    name: { fa: 'کهگیلویه و بویراحمد', en: 'Kohgiluyeh and Boyer-Ahmad' },
  },
  { id: 'golestan', name: { fa: 'گلستان', en: 'Golestan' } },
  { id: 'gilan', name: { fa: 'گیلان', en: 'Gilan' } },
  { id: 'lorestan', name: { fa: 'لرستان', en: 'Lorestan' } },
  { id: 'mazandaran', name: { fa: 'مازندران', en: 'Mazandaran' } },
  { id: 'markazi', name: { fa: 'مرکزی', en: 'Markazi' } },
  { id: 'hormozgan', name: { fa: 'هرمزگان', en: 'Hormozgan' } },
  { id: 'hamadan', name: { fa: 'همدان', en: 'Hamadan' } },
  { id: 'yazd', name: { fa: 'یزد', en: 'Yazd' } },
] as const satisfies readonly { id: string; name: Required<LocalizedText> }[];

/** Id of one of Iran's 31 provinces, e.g. `isfahan`, `kerman`, `azarbaijan-sharqi`. */
export type ProvinceId = (typeof provinces)[number]['id'];

/** The Persian and English names of a province; an unknown id comes back as its own name. */
export function provinceName(id: string): Required<LocalizedText> {
  const province = provinces.find((candidate) => candidate.id === id);
  // The schema's enum guarantees a hit; the fallback keeps the return type honest for casts from untyped data.
  return province ? { ...province.name } : { fa: id, en: id };
}
