"use client";

import { useEffect, useRef, useState } from "react";
import "maplibre-gl/dist/maplibre-gl.css";
import { featureBounds as bounds } from "@/lib/geo/bounds";
import type { AreaRow, Geo } from "./types";

type MapLib = typeof import("maplibre-gl");
type MapInstance = InstanceType<MapLib["Map"]>;

const NO_DATA = "#ffffff";
const HATCH = "#5b5b6b";

/** An 8×8 diagonal hatch drawn in memory: no sprite file, works offline. */
function hatchImage() {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const on = (x + y) % size === 0 || (x + y) % size === 1;
    const i = (y * size + x) * 4;
    data.set(on ? [0x5b, 0x5b, 0x6b, 255] : [0xe4, 0xe4, 0xea, 255], i);
  }
  return { width: size, height: size, data };
}


/**
 * The choropleth (maplibre-gl, loaded only in the browser): one GeoJSON source of areas whose
 * colour and suppressed/no-data state are feature states, a hatched layer for hidden areas,
 * the sites as points; no remote tiles, glyphs or sprites (an optional raster base map).
 * The feature states actually applied are mirrored in `data-map-state` for tests, and the
 * time from a filter change to the repainted map in `data-recolour-ms` (and from the new
 * figures' arrival to the repainted map in `data-repaint-ms`).
 */
export function ChoroplethMap(props: {
  areas: Geo; sites: Geo; rows: AreaRow[]; selected: string | null; label: string; unavailable: string;
  baseMapUrl?: string; onHover: (key: string | null) => void; onSelect: (key: string) => void;
}) {
  const { areas, sites, rows, selected, baseMapUrl } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapInstance | null>(null);
  const handlers = useRef(props);
  handlers.current = props;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const previousSelected = useRef<string | null>(null);

  useEffect(() => {
    let map: MapInstance | undefined;
    let cancelled = false;
    (async () => {
      try {
        const maplibre: MapLib = await import("maplibre-gl");
        if (cancelled || !container.current) return;
        maplibre.setWorkerUrl("/maplibre-gl-worker.mjs");
        const b = bounds(areas);
        map = new maplibre.Map({
          container: container.current,
          attributionControl: baseMapUrl ? { compact: true } : false,
          canvasContextAttributes: { preserveDrawingBuffer: true },
          style: {
            version: 8,
            sources: {
              ...(baseMapUrl ? { base: { type: "raster" as const, tiles: [baseMapUrl], tileSize: 256 } } : {}),
              areas: { type: "geojson", data: areas as GeoJSON.FeatureCollection, promoteId: "key" },
              sites: { type: "geojson", data: sites as GeoJSON.FeatureCollection },
            },
            layers: [
              { id: "background", type: "background", paint: { "background-color": "#f4f4f6" } },
              ...(baseMapUrl ? [{ id: "base", type: "raster" as const, source: "base", paint: { "raster-opacity": 0.6 } }] : []),
              {
                id: "areas-fill", type: "fill", source: "areas",
                paint: { "fill-color": ["to-color", ["coalesce", ["feature-state", "colour"], NO_DATA]], "fill-opacity": 0.9 },
              },
              {
                id: "areas-line", type: "line", source: "areas",
                paint: {
                  "line-color": ["case", ["boolean", ["feature-state", "selected"], false], "#000000", "#3d3d4d"],
                  "line-width": ["case", ["boolean", ["feature-state", "selected"], false], 3, 0.8],
                },
              },
              {
                id: "sites", type: "circle", source: "sites",
                paint: { "circle-radius": 4, "circle-color": "#b3261e", "circle-stroke-color": "#ffffff", "circle-stroke-width": 1.5 },
              },
            ],
          },
          ...(b ? { bounds: b, fitBoundsOptions: { padding: 16 } } : { center: [2.5, 46.5], zoom: 5 }),
        });
        map.on("load", () => {
          if (!map) return;
          map.addImage("hatch", hatchImage());
          map.addLayer({
            id: "areas-hidden", type: "fill", source: "areas",
            paint: { "fill-pattern": "hatch", "fill-opacity": ["case", ["boolean", ["feature-state", "suppressed"], false], 1, 0] },
          }, "areas-line");
          mapRef.current = map;
          setReady(true);
        });
        map.on("mousemove", "areas-fill", (e) => {
          const key = e.features?.[0]?.properties?.key as string | undefined;
          handlers.current.onHover(key ?? null);
          map!.getCanvas().style.cursor = "pointer";
        });
        map.on("mouseleave", "areas-fill", () => { handlers.current.onHover(null); map!.getCanvas().style.cursor = ""; });
        map.on("click", "areas-fill", (e) => {
          const key = e.features?.[0]?.properties?.key as string | undefined;
          if (key) handlers.current.onSelect(key);
        });
        map.on("error", () => { /* a tile of the optional base map failed: the choropleth stays */ });
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      mapRef.current = null;
      map?.remove();
    };
  }, [areas, sites, baseMapUrl]);

  // Recolour: one feature state per area, then mirror what the map holds once it has repainted.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const r of rows) {
      map.setFeatureState({ source: "areas", id: r.key }, { colour: r.suppressed ? HATCH : r.colour || NO_DATA, suppressed: r.suppressed, nodata: !r.suppressed && !r.den });
    }
    map.triggerRepaint();
    map.once("idle", () => {
      const el = container.current;
      if (!el || mapRef.current !== map) return;
      const state: Record<string, { colour: string; suppressed: boolean }> = {};
      for (const r of rows) {
        const s = map.getFeatureState({ source: "areas", id: r.key });
        state[r.key] = { colour: String(s.colour), suppressed: !!s.suppressed };
      }
      el.dataset.mapState = JSON.stringify(state);
      el.dataset.recolourCount = String(Number(el.dataset.recolourCount ?? 0) + 1);
      const now = performance.now();
      const change = performance.getEntriesByName("dashboard:filter-change", "mark").at(-1);
      const received = performance.getEntriesByName("dashboard:view-received", "mark").at(-1);
      if (change) el.dataset.recolourMs = (now - change.startTime).toFixed(1); // fetch + render + repaint
      if (received) el.dataset.repaintMs = (now - received.startTime).toFixed(1); // render + repaint only
      performance.clearMarks("dashboard:filter-change");
      performance.clearMarks("dashboard:view-received");
    });
  }, [rows, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    if (previousSelected.current) map.setFeatureState({ source: "areas", id: previousSelected.current }, { selected: false });
    if (selected) map.setFeatureState({ source: "areas", id: selected }, { selected: true });
    previousSelected.current = selected;
  }, [selected, ready]);

  if (failed) return <p className="notice">{props.unavailable}</p>;
  return (
    <figure className="dashboard-figure">
      <div ref={container} className="dashboard-map" data-testid="dashboard-map" data-ready={ready ? "1" : "0"} />
      <figcaption className="visually-hidden">{props.label}</figcaption>
    </figure>
  );
}
