// Shared by the schema and validate-data tests: one valid service base with only the required
// fields, so both suites check the same smallest record.

/** A valid service base input with only the required fields. */
export const minimalBase = {
  id: 'isfahan-hesseh',
  name: { fa: 'پایگاه خدمات اجتماعی محله حصه' },
  organization: { name: { fa: 'اداره کل بهزیستی استان اصفهان' } },
  province: 'isfahan',
  county: { id: 'isfahan', name: { fa: 'اصفهان' } },
  location: { latitude: 32.7, longitude: 51.66 },
  address: { address_1: { fa: 'محله حصه' }, city: { fa: 'اصفهان' } },
};
