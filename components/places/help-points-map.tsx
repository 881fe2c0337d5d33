"use client";

import { useEffect, useRef, useState } from "react";
import "maplibre-gl/dist/maplibre-gl.css";
import "./places.css";
import { featureBounds as bounds } from "@/lib/geo/bounds";
import type { FeatureCollection } from "@/lib/places/map-data";

type MapLib = typeof import("maplibre-gl");

/**
 * The help points over the territory's areas (maplibre-gl in the browser, no tiles, glyphs or
 * sprites: nothing leaves for the network). A decorative picture of the list below, which is the
 * accessible version: the container is labelled and says where the list is.
 */
export function HelpPointsMap({ areas, points, label, unavailable }: { areas: FeatureCollection; points: FeatureCollection; label: string; unavailable: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let map: InstanceType<MapLib["Map"]> | undefined;
    let cancelled = false;
    (async () => {
      try {
        const maplibre: MapLib = await import("maplibre-gl");
        if (cancelled || !container.current) return;
        maplibre.setWorkerUrl("/maplibre-gl-worker.mjs");
        const b = bounds(areas.features.length ? areas : points);
        map = new maplibre.Map({
          container: container.current,
          attributionControl: false,
          canvasContextAttributes: { preserveDrawingBuffer: true },
          style: {
            version: 8,
            sources: {
              areas: { type: "geojson", data: areas as GeoJSON.FeatureCollection },
              points: { type: "geojson", data: points as GeoJSON.FeatureCollection },
            },
            layers: [
              { id: "background", type: "background", paint: { "background-color": "#f4f4f6" } },
              { id: "areas-fill", type: "fill", source: "areas", paint: { "fill-color": "#e4e4ea", "fill-opacity": 0.8 } },
              { id: "areas-line", type: "line", source: "areas", paint: { "line-color": "#3d3d4d", "line-width": 1 } },
              {
                id: "points", type: "circle", source: "points",
                paint: {
                  "circle-radius": ["case", ["==", ["get", "category"], "ccas"], 8, 6],
                  "circle-color": ["case", ["==", ["get", "category"], "ccas"], "#b3261e", "#1f4e99"],
                  "circle-stroke-color": "#ffffff", "circle-stroke-width": 2,
                },
              },
            ],
          },
          ...(b ? { bounds: b, fitBoundsOptions: { padding: 24 } } : { center: [2.5, 46.5], zoom: 5 }),
        });
        map.on("load", () => { if (!cancelled) setReady(true); });
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => { cancelled = true; map?.remove(); };
  }, [areas, points]);
  if (failed) return <p className="notice">{unavailable}</p>;
  return (
    <figure>
      <div ref={container} className="places-map" data-testid="places-map" data-ready={ready ? "1" : "0"} data-points={points.features.length} />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
