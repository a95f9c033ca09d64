/**
 * The world map for ECharts, built from the bundled world-atlas topology (countries-110m) with
 * topojson-client, its countries named in Chinese; registered once as 「world-zh」.
 */
import type { GeoJsonProperties, Geometry, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import * as echarts from 'echarts/core';
import atlas from 'world-atlas/countries-110m.json';
import { ATLAS_COUNTRIES } from './atlasCountries';

export const WORLD_MAP = 'world-zh';

/** Customs 国别代码 → the Chinese name of its country on the map. */
export const MAP_NAME_OF_CUSTOMS_CODE: Record<string, string> = Object.fromEntries(
  Object.values(ATLAS_COUNTRIES)
    .filter(([code]) => code)
    .map(([code, name]) => [code, name]),
);

let registered = false;

type Ring = number[][];

/** A ring that crosses the 180° meridian (Russia's Chukotka, Fiji) is drawn across the whole map unless
 * its western longitudes are moved east of 180°. */
function unwrapRing(ring: Ring): Ring {
  const crosses = ring.some(([lon]) => lon > 150) && ring.some(([lon]) => lon < -150);
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrap(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  return geometry;
}

export function registerWorldMap(): void {
  if (registered) return;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const world = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, GeoJsonProperties>;
  world.features = world.features
    .filter((f) => f.properties?.name !== 'Antarctica')
    .map((f) => {
      const key = String(f.id ?? f.properties?.name ?? '');
      return { ...f, geometry: unwrap(f.geometry), properties: { name: ATLAS_COUNTRIES[key]?.[1] ?? String(f.properties?.name ?? '') } };
    });
  echarts.registerMap(WORLD_MAP, world as never);
  registered = true;
}
