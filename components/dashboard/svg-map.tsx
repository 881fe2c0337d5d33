import type { AreaRow, Geo } from "./types";

type Ring = number[][];

/** Polygons → SVG paths, equirectangular projection corrected by the cosine of the latitude. */
function project(geo: Geo, width: number) {
  const rings: { key: string; rings: Ring[] }[] = geo.features.map((f) => {
    const g = f.geometry as { type: string; coordinates: Ring[] | Ring[][] };
    return { key: f.properties.key, rings: g.type === "Polygon" ? (g.coordinates as Ring[]) : (g.coordinates as Ring[][]).flat() };
  });
  const pts = rings.flatMap((r) => r.rings.flat());
  if (!pts.length) return { paths: [], height: 0, toXY: (_: number[]) => [0, 0] as [number, number] };
  const [minX, maxX] = [Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[0]))];
  const [minY, maxY] = [Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[1]))];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = width / ((maxX - minX) * k || 1);
  const height = Math.round((maxY - minY) * scale) || 1;
  const toXY = (p: number[]) => [(p[0] - minX) * k * scale, (maxY - p[1]) * scale] as [number, number];
  const paths = rings.map((r) => ({
    key: r.key,
    d: r.rings.map((ring) => ring.map((p, i) => `${i ? "L" : "M"}${toXY(p).map((v) => v.toFixed(1)).join(",")}`).join("") + "Z").join(""),
    label: labelPoint(r.rings.map((ring) => ring.map(toXY))),
  }));
  return { paths, height, toXY };
}

/** Where to write an area's name: the centroid of its largest ring (shoelace formula). */
function labelPoint(rings: [number, number][][]): [number, number] {
  let best: { area: number; x: number; y: number } = { area: -1, x: 0, y: 0 };
  for (const ring of rings) {
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (Math.abs(a) > best.area && a !== 0) best = { area: Math.abs(a), x: cx / (3 * a), y: cy / (3 * a) };
  }
  return [best.x, best.y];
}

/** Names are written when they can be read: up to 40 areas (an IRIS map has the table beside it). */
const MAX_LABELS = 40;

/** A static choropleth for the printed report (no WebGL, no JavaScript). */
export function SvgMap({ areas, sites, rows, label }: { areas: Geo; sites: Geo; rows: AreaRow[]; label: string }) {
  const width = 800;
  const { paths, height, toXY } = project(areas, width);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#e4e4ea" /><line x1="0" y1="0" x2="0" y2="6" stroke="#5b5b6b" strokeWidth="2" />
        </pattern>
      </defs>
      {paths.map((p) => {
        const r = byKey.get(p.key);
        const fill = !r ? "#ffffff" : r.suppressed ? "url(#hatch)" : r.colour || "#ffffff";
        return <path key={p.key} d={p.d} fill={fill} stroke="#3d3d4d" strokeWidth="0.8"><title>{r?.name}</title></path>;
      })}
      {paths.length <= MAX_LABELS && paths.map((p) => {
        const r = byKey.get(p.key);
        return r && (
          <text key={`label-${p.key}`} x={p.label[0].toFixed(1)} y={p.label[1].toFixed(1)} textAnchor="middle" dominantBaseline="middle"
            className="svg-map-label" fontSize={paths.length <= 12 ? 14 : 9}>{r.name}</text>
        );
      })}
      {sites.features.map((s, i) => {
        const [x, y] = toXY((s.geometry as { coordinates: number[] }).coordinates);
        return <circle key={i} cx={x} cy={y} r="3.5" fill="#b3261e" stroke="#fff" strokeWidth="1"><title>{s.properties.name}</title></circle>;
      })}
    </svg>
  );
}
