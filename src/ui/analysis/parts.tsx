import type { ReactNode } from 'react';
import { sectorColour } from './format';

/** A small circle in the sector's colour (decorative: the sector is always named in text too). */
export function SectorSwatch({ sector, colour }: { sector?: string | null; colour?: string }) {
  return (
    <span
      className="ana-swatch"
      style={{ background: colour ?? (sector ? sectorColour(sector) : '#c3c8d0') }}
      aria-hidden="true"
    />
  );
}

/** An organisation's name as a link-styled button that selects it. */
export function OrganisationButton({
  id,
  label,
  onSelect,
  children,
  title,
}: {
  id: string;
  label: string;
  onSelect(id: string): void;
  children?: ReactNode;
  title?: string;
}) {
  return (
    <button type="button" className="ana-link" data-testid="org-link" data-id={id} onClick={() => onSelect(id)} title={title}>
      {children ?? label}
    </button>
  );
}
