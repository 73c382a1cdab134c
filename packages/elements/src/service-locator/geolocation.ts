import type { LatLng } from '@behzisti/core/geo';
import type { GeoState } from './types.ts';

/**
 * The device's position, asked only when the person presses "use my location"; or why there is
 * none. Needs a secure context (https): many provincial sites are still plain http.
 */
export function askPosition(
  timeoutMs: number,
): Promise<LatLng | Exclude<GeoState, 'idle' | 'asking'>> {
  const geolocation = 'geolocation' in navigator ? navigator.geolocation : undefined;
  if (!geolocation || !window.isSecureContext) return Promise.resolve('unsupported');
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lng: position.coords.longitude }),
      (error) =>
        resolve(
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.TIMEOUT
              ? 'timeout'
              : 'unavailable',
        ),
      { enableHighAccuracy: false, maximumAge: 300_000, timeout: timeoutMs },
    );
  });
}
