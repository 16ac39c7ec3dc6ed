import { SUGGESTED_COLOUR, type MapPicture } from '../../export/mapPicture';

/** The map picture as inline SVG (vector: sharp in print at any size). */
export function MapFigure({ picture, label }: { picture: MapPicture; label: string }) {
  return (
    <svg viewBox={`0 0 ${picture.width} ${picture.height}`} role="img" aria-label={label} className="pr-map-svg" data-testid="print-map">
      <rect width={picture.width} height={picture.height} fill="#ffffff" />
      <g stroke="#b8bec8" strokeOpacity={0.7}>
        {picture.ties.map((t, i) => (
          <line key={i} x1={t.x1} y1={t.y1} x2={t.x2} y2={t.y2} strokeWidth={t.w} />
        ))}
      </g>
      <g data-testid="print-map-nodes">
        {picture.nodes.map((n, i) => (
          <circle key={i} cx={n.x} cy={n.y} r={n.r} fill={n.colour} fillOpacity={n.dim ? 0.25 : 1} stroke={n.ring ? '#14213d' : '#ffffff'} strokeWidth={n.ring ? 2 : 0.6} />
        ))}
      </g>
      <g stroke={SUGGESTED_COLOUR} strokeWidth={1.8} strokeDasharray="6 5" data-testid="print-map-suggested">
        {picture.suggested.map((s) => (
          <line key={s.number} x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} />
        ))}
      </g>
      <g fontSize={10} fontWeight={700} textAnchor="middle" dominantBaseline="central">
        {picture.suggested.map((s) => (
          <g key={s.number} transform={`translate(${(s.x1 + s.x2) / 2} ${(s.y1 + s.y2) / 2})`}>
            <circle r={8} fill="#ffffff" stroke={SUGGESTED_COLOUR} strokeWidth={1.5} />
            <text fill={SUGGESTED_COLOUR}>{s.number}</text>
          </g>
        ))}
      </g>
      <g fontSize={11} fill="#1d2330" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
        {picture.labels.map((l, i) => (
          <text key={i} x={l.x} y={l.y}>
            {l.text}
          </text>
        ))}
      </g>
    </svg>
  );
}
