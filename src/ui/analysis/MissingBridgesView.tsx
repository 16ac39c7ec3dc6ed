import { useId, useMemo } from 'react';
import type { AnalysisResult } from '../../analysis';
import { explainFindings } from '../../analysis/explain';
import type { Sector } from '../../data/sectors';
import './analysis.css';
import { ClusterList } from './ClusterList';
import { useAnalysisText, type AnalysisMessageKey } from './messages';
import { MixingHeatmap } from './MixingHeatmap';
import { MunicipalityPosition } from './MunicipalityPosition';
import { SuggestedTies, type HoveredSuggestion } from './SuggestedTies';

export interface MissingBridgesViewProps {
  result: AnalysisResult;
  targets: Sector[];
  onSelectCluster(kind: 'community' | 'component', id: number): void;
  onSelectOrganisation(id: string): void;
  onHoverSuggestion?(s: HoveredSuggestion): void;
}

const KIND_LABEL: Record<string, AnalysisMessageKey> = {
  missing_bridge: 'findings.kind.missing_bridge',
  bridges_ok: 'findings.kind.bridges_ok',
  cluster_lacks: 'findings.kind.cluster_lacks',
  convener: 'findings.kind.convener',
  municipality: 'findings.kind.municipality',
  method: 'findings.kind.method',
};

/** The plain-words findings of an analysis, in the current language. */
export function Findings({ result }: { result: AnalysisResult }) {
  const { t, lang } = useAnalysisText();
  const titleId = useId();
  const findings = useMemo(() => explainFindings(result), [result]);
  return (
    <section className="ana-section ana-findings" aria-labelledby={titleId} data-testid="findings">
      <h2 id={titleId}>{t('findings.title')}</h2>
      <ul>
        {findings.map((f, i) => {
          const kind = KIND_LABEL[f.kind];
          return (
            <li key={i} className={`ana-finding ana-finding-${f.kind}`} data-testid="finding" data-kind={f.kind}>
              {kind && <span className="ana-finding-kind">{t(kind)}</span>}
              <span className="ana-finding-text">{f[lang]}</span>
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
  targets,
  onSelectCluster,
  onSelectOrganisation,
  onHoverSuggestion,
}: MissingBridgesViewProps) {
  return (
    <div className="ana ana-bridges" data-testid="missing-bridges">
      <Findings result={result} />
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
      />
      <MunicipalityPosition
        result={result}
        onSelectCluster={onSelectCluster}
        onSelectOrganisation={onSelectOrganisation}
      />
    </div>
  );
}
