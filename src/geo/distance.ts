/** A point that may lack coordinates (a gazetteer entry, a resolved place). */
export interface MaybePoint {
  lat: number | null;
  lon: number | null;
}

/** Great-circle (haversine) distance in km; Infinity when either point has no coordinates. */
export function km(a: MaybePoint | null | undefined, b: MaybePoint | null | undefined): number {
  if (a?.lat == null || a.lon == null || b?.lat == null || b.lon == null) return Infinity;
  const r = (d: number) => (d * Math.PI) / 180;
  const dLat = r(b.lat - a.lat);
  const dLon = r(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** Initial bearing from a to b in degrees (0 north, 90 east); NaN when either point has no coordinates. */
export function bearing(a: MaybePoint | null | undefined, b: MaybePoint | null | undefined): number {
  if (a?.lat == null || a.lon == null || b?.lat == null || b.lon == null) return NaN;
  const r = (d: number) => (d * Math.PI) / 180;
  const y = Math.sin(r(b.lon - a.lon)) * Math.cos(r(b.lat));
  const x = Math.cos(r(a.lat)) * Math.sin(r(b.lat)) - Math.sin(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lon - a.lon));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}
