/**
 * What a convener's choice rests on: how many of its ties exist only through listings, and how
 * firm the choice is under resampling and under the other tie rules. Shown under each pick in the
 * conveners list and on the convener's page of the meeting pack, which a board reads on paper.
 */
import type { RobustnessData } from '../../analysis/stages';
import type { TieBasis } from '../../graph/rules';
import { useVocabulary } from '../../i18n/vocabulary';
import { robustnessLevel } from './convenerModel';
import { useAnalysisText } from './messages';

export function ConvenerFirmness({ id, basis, robustness }: { id: string; basis: TieBasis | null; robustness: RobustnessData | null }) {
  const { t, tp, fmt } = useAnalysisText();
  const vocabulary = useVocabulary();
  const fraction = robustness?.picks.find((p) => p.id === id)?.fraction;
  const level = robustnessLevel(fraction);
  return (
    <>
      {basis && basis.listingOnly > 0 && (
        <p className="ana-pick-basis" data-testid="convener-basis">
          {tp('conveners.listingBasis', basis.ties, {
            listing: fmt.int(basis.listingOnly),
            kinds: basis.listingKinds.map((kind) => vocabulary('kind', kind).toLowerCase()).join(', '),
          })}
        </p>
      )}
      <p className="ana-pick-robust" data-testid="convener-robustness" data-level={level ?? 'pending'}>
        {level === null ? (
          <span className="ana-muted">{t('conveners.robustPending')}</span>
        ) : (
          <>
            <span className={`ana-badge ana-badge-${level}`}>{t(`conveners.robust.${level}`)}</span>{' '}
            {tp('conveners.robustFraction', robustness!.bootstraps, { pct: fmt.pct(fraction!) })}
          </>
        )}
        {robustness?.otherRules && (
          <>
            {' '}
            {t(robustness.otherRules.withoutListings.includes(id) ? 'conveners.withoutListingsYes' : 'conveners.withoutListingsNo')}{' '}
            {t(robustness.otherRules.listingsAsCliques.includes(id) ? 'conveners.asCliquesYes' : 'conveners.asCliquesNo')}
          </>
        )}
      </p>
    </>
  );
}
