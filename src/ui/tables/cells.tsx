import { isSector, SECTOR_INFO } from '../../data/sectors';
import type { Language } from '../../i18n';
import { sectorLabel } from './format';

export function SectorCell({ sector, lang }: { sector: string; lang: Language }) {
  return (
    <>
      {isSector(sector) && (
        <span className="dt-swatch" style={{ background: SECTOR_INFO[sector].colour }} aria-hidden="true" />
      )}
      {sectorLabel(sector, lang)}
    </>
  );
}
