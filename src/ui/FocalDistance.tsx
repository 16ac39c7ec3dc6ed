import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visibility } from '../filters/filters';
import type { Network } from '../graph/network';
import { shortestChain } from '../graph/paths';

/**
 * In any organisation's details: how far it is from the focal municipality ("2 stappen van
 * Gemeente Den Haag") and the chain between them, over the ties the view shows.
 */
export function FocalDistance({ network, visibility, organisation, focal }: { network: Network; visibility: Visibility; organisation: number; focal: number }) {
  const { t } = useTranslation();
  const chain = useMemo(() => shortestChain(network, visibility, focal, organisation), [network, visibility, focal, organisation]);
  const focalName = network.organisations[focal]!.name;
  let text: string;
  if (organisation === focal) text = t('panel.focalSelf', { focal: focalName });
  else if (!chain) text = t('panel.focalNone', { focal: focalName });
  else {
    const steps = t('panel.focalSteps', { count: chain.length - 1, focal: focalName });
    const via = chain.slice(1, -1).map((i) => network.organisations[i]!.name);
    text = via.length ? `${steps}, ${t('panel.focalVia', { chain: via.join(' → ') })}` : steps;
  }
  return (
    <p className="focal-distance" data-testid="details-focal" data-steps={chain ? chain.length - 1 : undefined}>
      {text}
    </p>
  );
}
