"use client";

import { useEffect, useRef, useState } from "react";
import "maplibre-gl/dist/maplibre-gl.css";
import { featureBounds as bounds } from "@/lib/geo/bounds";

type MapLib = typeof import("maplibre-gl");
type Geo = { type: "FeatureCollection"; features: { type: "Feature"; properties: Record<string, unknown>; geometry: unknown }[] };


/**
 * Preview of an import before it is saved (maplibre-gl, loaded in the browser only, no network:
 * a background and GeoJSON sources, as on the dashboards): the finest level's areas filled, the
 * coarsest level's boundaries drawn over them. The tables beside it carry the same content
 * without JavaScript.
 */
export function BoundaryPreviewMap({ fine, coarse, label, unavailable }: { fine: Geo; coarse: Geo | null; label: string; unavailable: string }) {
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
        const b = bounds(coarse ?? fine);
        map = new maplibre.Map({
          container: container.current,
          attributionControl: false,
          style: {
            version: 8,
            sources: {
              fine: { type: "geojson", data: fine as GeoJSON.FeatureCollection },
              ...(coarse ? { coarse: { type: "geojson" as const, data: coarse as GeoJSON.FeatureCollection } } : {}),
            },
            layers: [
              { id: "background", type: "background", paint: { "background-color": "#f4f4f6" } },
              { id: "fine-fill", type: "fill", source: "fine", paint: { "fill-color": "#9ecae1", "fill-opacity": 0.6 } },
              { id: "fine-line", type: "line", source: "fine", paint: { "line-color": "#3a3a4a", "line-width": 0.8 } },
              ...(coarse ? [{ id: "coarse-line", type: "line" as const, source: "coarse", paint: { "line-color": "#1b1b1f", "line-width": 2.5 } }] : []),
            ],
          },
          ...(b ? { bounds: b, fitBoundsOptions: { padding: 16 } } : { center: [2.5, 46.5] as [number, number], zoom: 5 }),
        });
        map.on("load", () => !cancelled && setReady(true));
        map.on("error", () => !cancelled && setFailed(true));
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [fine, coarse]);

  if (failed) return <p className="notice">{unavailable}</p>;
  return (
    <figure className="boundary-map-figure">
      <div ref={container} role="img" aria-label={label} className="boundary-map" data-testid="boundary-map" data-ready={ready ? "1" : "0"}
        style={{ height: "24rem", border: "1px solid #8a8a99", borderRadius: "var(--radius)", background: "#f4f4f6" }} />
    </figure>
  );
}
