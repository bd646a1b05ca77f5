/**
 * Where the seven cities of the circle sit, as longitude/latitude of their
 * centres (rounded). Shipped with the app: the map draws from this, never from
 * online tiles.
 */
export const cityPositions: Record<string, { lon: number; lat: number }> = {
  jinan: { lon: 117.0, lat: 36.65 },
  zibo: { lon: 118.05, lat: 36.81 },
  taian: { lon: 117.09, lat: 36.2 },
  liaocheng: { lon: 115.99, lat: 36.46 },
  dezhou: { lon: 116.36, lat: 37.44 },
  binzhou: { lon: 117.97, lat: 37.38 },
  dongying: { lon: 118.67, lat: 37.43 },
};

const bounds = { west: 115.5, east: 119.2, south: 35.9, north: 37.8 };

/** Projects a position into an SVG box of the given width (equirectangular, north up). */
export function project(position: { lon: number; lat: number }, width: number) {
  const scale = width / (bounds.east - bounds.west);
  // Shrink east–west by cos(latitude) so the circle is not stretched.
  const xScale = scale;
  const yScale = scale / Math.cos((36.8 * Math.PI) / 180);
  return {
    x: (position.lon - bounds.west) * xScale,
    y: (bounds.north - position.lat) * yScale,
    height: (bounds.north - bounds.south) * yScale,
  };
}
