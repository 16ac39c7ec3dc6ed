import type { TFunction } from 'i18next';
import { SECTOR_INFO, SECTORS } from '../data/sectors';
import type { PngLegend } from '../export';
import type { LegendSpec } from '../graph/appearance';

/** The legend drawn into exported images: the same key as the on-screen legend. */
export function pngLegendFor(spec: LegendSpec, t: TFunction, language: string): PngLegend {
  const lang = language === 'en' ? 'en' : 'nl';
  if (spec.kind === 'sector') {
    const present = SECTORS.filter((s) => spec.entries.some((e) => e.sector === s));
    return {
      title: t('colourBy.sector'),
      entries: present.map((s) => ({ colour: SECTOR_INFO[s].colour, label: SECTOR_INFO[s][lang] })),
    };
  }
  if (spec.kind === 'cluster') {
    return {
      title: t(`colourBy.${spec.clusterKind}`),
      entries: spec.entries.map((e) => ({ colour: e.colour, label: `${t(`legend.${spec.clusterKind}`, { id: e.id })} (${e.size})` })),
      note: spec.others ? t('legend.otherClusters', { count: spec.others }) : undefined,
    };
  }
  const number = new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 });
  return {
    title: t(`colourBy.${spec.metric}`),
    entries: [
      { colour: spec.stops[0]!, label: number.format(spec.min) },
      { colour: spec.stops[spec.stops.length - 1]!, label: number.format(spec.max) },
    ],
  };
}
