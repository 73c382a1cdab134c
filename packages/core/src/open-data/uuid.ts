/**
 * Name-based UUIDs (RFC 9562 version 5) for the open-data export. HSDS 3.0 requires every id to
 * be a UUID, while our records have readable slugs (`isfahan-hesseh`); deriving the UUID from the
 * slug keeps it stable across builds and lets anyone recompute it from the data
 * (`uuidV5('location:isfahan-hesseh', OPEN_DATA_NAMESPACE)`). The `uuid` package does the work:
 * synchronous in Node and in browsers alike (Web Crypto's digest is async only).
 */
import { v5 } from 'uuid';

/** The namespace of every id in the Behzisti open data: uuidV5('behzisti-services-kit', URL namespace). */
export const OPEN_DATA_NAMESPACE = '6373812f-9d37-5a3f-b180-b1aed039afa4';

/** The RFC 9562 namespace for URLs, used for tests and to derive our namespace. */
export const URL_NAMESPACE = v5.URL;

/** The RFC 9562 namespace for domain names (its examples use it). */
export const DNS_NAMESPACE = v5.DNS;

/** The RFC 9562 version 5 UUID of `name` (UTF-8) in `namespace`. */
export function uuidV5(name: string, namespace: string = OPEN_DATA_NAMESPACE): string {
  return v5(name, namespace);
}
