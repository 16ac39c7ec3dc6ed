import type { TFunction } from 'i18next';
import { SECTOR_INFO, SECTORS } from '../data/sectors';
import type { PngLegend } from '../export';
import type { LegendSpec } from '../graph/appearance';
import type { SizeBy } from '../session/viewState';

/** The legend drawn into exported images and the printed report: the same key as the on-screen legend. */
export function pngLegendFor(spec: LegendSpec, t: TFunction, language: string, sizeMetric?: SizeBy): PngLegend {
  const lang = language === 'en' ? 'en' : 'nl';
  // What node size means, as the screen's legend says it.
  const size = sizeMetric ? t('legend.size', { metric: t(`sizeBy.${sizeMetric}`) }) : undefined;
  const withSize = (legend: PngLegend): PngLegend => (size ? { ...legend, note: legend.note ? `${legend.note} · ${size}` : size } : legend);
  if (spec.kind === 'sector') {
    const count = new Map(spec.entries.map((e) => [e.sector, e.count]));
    const present = SECTORS.filter((s) => count.has(s));
    return withSize({
      title: t('colourBy.sector'),
      entries: present.map((s) => ({ colour: SECTOR_INFO[s].colour, label: `${SECTOR_INFO[s][lang]} (${count.get(s)})` })),
    });
  }
  if (spec.kind === 'cluster') {
    const entries = spec.entries.map((e) => ({ colour: e.colour, label: `${t(`legend.${spec.clusterKind}`, { id: e.id })} (${e.size})` }));
    // The clusters beyond the palette share one grey: a swatch of their own, as on screen.
    if (spec.others && spec.othersColour) entries.push({ colour: spec.othersColour, label: t('legend.otherClusters', { count: spec.others }) });
    return withSize({
      title: t(`colourBy.${spec.clusterKind}`),
      entries,
      note: spec.others && !spec.othersColour ? t('legend.otherClusters', { count: spec.others }) : undefined,
    });
  }
  const number = new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 });
  return withSize({
    title: t(`colourBy.${spec.metric}`),
    entries: [
      { colour: spec.stops[0]!, label: number.format(spec.min) },
      { colour: spec.stops[spec.stops.length - 1]!, label: number.format(spec.max) },
    ],
  });
}
