import { useId, useMemo } from 'react';
import type { AnalysisResult } from '../../analysis';
import { findingsOf } from '../../analysis/findings';
import { wordFinding } from '../../i18n/findings';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../data/sectors';
import './analysis.css';
import { ClusterList } from './ClusterList';
import { useAnalysisText, type AnalysisMessageKey } from './messages';
import { MixingHeatmap } from './MixingHeatmap';
import { MunicipalityPosition, type FocalChoice } from './MunicipalityPosition';
import { SuggestedTies, type HoveredSuggestion } from './SuggestedTies';

export interface MissingBridgesViewProps {
  result: AnalysisResult;
  /** The filters leave something out (`hidesSomething`): findings speak of what they show. */
  filtered?: boolean;
  targets: Sector[];
  onSelectCluster(kind: 'community' | 'component', id: number): void;
  onSelectOrganisation(id: string): void;
  onHoverSuggestion?(s: HoveredSuggestion): void;
  /** The numbers of the suggested ties drawn on the map, by `aId|bId`. */
  suggestionNumbers?: ReadonlyMap<string, number>;
  focalChoices: readonly FocalChoice[];
  focal: string | null;
  onChooseFocal(id: string | null): void;
}

/** The label of each finding's kind (a key of the analysis namespace). */
const KIND_OF: Record<string, { kind: string; label: AnalysisMessageKey }> = {
  sector_absent: { kind: 'missing_bridge', label: 'findings.kind.missing_bridge' },
  no_ties: { kind: 'missing_bridge', label: 'findings.kind.missing_bridge' },
  below_expected: { kind: 'missing_bridge', label: 'findings.kind.missing_bridge' },
  below_null: { kind: 'missing_bridge', label: 'findings.kind.missing_bridge' },
  bridges_ok: { kind: 'bridges_ok', label: 'findings.kind.bridges_ok' },
  clusters_lacking: { kind: 'cluster_lacks', label: 'findings.kind.cluster_lacks' },
  convener: { kind: 'convener', label: 'findings.kind.convener' },
  focal: { kind: 'municipality', label: 'findings.kind.municipality' },
  no_focal: { kind: 'municipality', label: 'findings.kind.municipality' },
  betweenness_estimated: { kind: 'method', label: 'findings.kind.method' },
};

/**
 * The plain-words findings of an analysis, in the current language. `filtered`: the filters leave
 * something out (`hidesSomething`), so findings speak of what they show.
 */
export function Findings({ result, filtered = false }: { result: AnalysisResult; filtered?: boolean }) {
  const { t, lang } = useAnalysisText();
  const { t: words } = useTranslation();
  const titleId = useId();
  const findings = useMemo(() => findingsOf(result), [result]);
  return (
    // Its own .ana: the findings also stand in the map views' side panel, outside the analysis views.
    <section className="ana ana-section ana-findings" aria-labelledby={titleId} data-testid="findings">
      <h2 id={titleId}>{t('findings.title')}</h2>
      <ul>
        {findings.map((f, i) => {
          const kind = KIND_OF[f.code]!;
          return (
            <li key={i} className={`ana-finding ana-finding-${kind.kind}`} data-testid="finding" data-kind={kind.kind} data-code={f.code}>
              <span className="ana-finding-kind">{t(kind.label)}</span>
              <span className="ana-finding-text">{wordFinding(words, f, lang, { filtered })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Where the bridges are missing: findings, sector mixing, clusters lacking a target sector,
 * suggested ties and the municipality's position. Presentational: props in, callbacks out.
 */
export function MissingBridgesView({
  result,
  filtered = false,
  targets,
  onSelectCluster,
  onSelectOrganisation,
  onHoverSuggestion,
  suggestionNumbers,
  focalChoices,
  focal,
  onChooseFocal,
}: MissingBridgesViewProps) {
  return (
    <div className="ana ana-bridges" data-testid="missing-bridges">
      <Findings result={result} filtered={filtered} />
      <MixingHeatmap result={result} targets={targets} />
      <ClusterList
        result={result}
        targets={targets}
        onSelectCluster={onSelectCluster}
        onSelectOrganisation={onSelectOrganisation}
      />
      <SuggestedTies
        result={result}
        targets={targets}
        onSelectCluster={onSelectCluster}
        onSelectOrganisation={onSelectOrganisation}
        onHoverSuggestion={onHoverSuggestion}
        numbers={suggestionNumbers}
      />
      <MunicipalityPosition
        result={result}
        choices={focalChoices}
        focal={focal}
        onChooseFocal={onChooseFocal}
        onSelectCluster={onSelectCluster}
        onSelectOrganisation={onSelectOrganisation}
      />
    </div>
  );
}
