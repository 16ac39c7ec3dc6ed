import { useCallback, useMemo, useState } from 'react';
import type { Dataset } from '../../data/model';
import {
  applySectorCorrections,
  datasetKey,
  loadCorrections,
  saveCorrections,
  type SectorCorrectionMap,
} from '../../data/sectorCorrections';

/**
 * The user's sector corrections for one dataset, persisted in localStorage under the dataset's
 * key. `dataset` is the data as imported; `corrected` is what the map should show.
 */
export function useSectorCorrections(dataset: Dataset) {
  const key = useMemo(() => datasetKey(dataset), [dataset]);
  const [state, setState] = useState<{ key: string; corrections: SectorCorrectionMap }>(() => ({ key, corrections: loadCorrections(key) }));
  // A different dataset brings its own corrections (adjusting state during render, React's pattern).
  let current = state;
  if (state.key !== key) {
    current = { key, corrections: loadCorrections(key) };
    setState(current);
  }
  const setCorrections = useCallback(
    (corrections: SectorCorrectionMap) => {
      saveCorrections(key, corrections);
      setState({ key, corrections });
    },
    [key],
  );
  const corrected = useMemo(() => applySectorCorrections(dataset, current.corrections), [dataset, current.corrections]);
  return { corrections: current.corrections, setCorrections, corrected };
}

