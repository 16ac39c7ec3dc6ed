import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuiltinBundle } from '../data/bundle';
import { loadBuiltinBundle } from '../data/loadBuiltin';
import type { Sector } from '../data/sectors';
import { buildOrganisationNetwork } from '../graph/build';
import { DatasetIndex } from '../graph/details';
import { toDisplayGraph } from '../graph/display';
import { OrganisationSearch } from '../graph/search';
import { CameraControls } from './CameraControls';
import { DetailsPanel } from './DetailsPanel';
import { GraphView, type GraphSigma } from './GraphView';
import { LanguageSwitch } from './LanguageSwitch';
import { Legend } from './Legend';
import { SearchBox } from './SearchBox';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; bundle: BuiltinBundle };

export function App() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    loadBuiltinBundle()
      .then((bundle) => !cancelled && setLoad({ status: 'ready', bundle }))
      .catch((e: unknown) => !cancelled && setLoad({ status: 'error', message: String((e as Error).message ?? e) }));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      {load.status === 'loading' && <p className="status" role="status">{t('app.loading')}</p>}
      {load.status === 'error' && <p className="status error" role="alert">{t('app.loadError', { message: load.message })}</p>}
      {load.status === 'ready' && <Explorer bundle={load.bundle} />}
    </div>
  );
}

function Explorer({ bundle }: { bundle: BuiltinBundle }) {
  const { t } = useTranslation();
  const network = useMemo(() => buildOrganisationNetwork(bundle.dataset), [bundle]);
  const display = useMemo(() => toDisplayGraph(network, bundle.positions), [network, bundle]);
  const index = useMemo(() => new DatasetIndex(bundle.dataset), [bundle]);
  const search = useMemo(() => new OrganisationSearch(bundle.dataset.organisations), [bundle]);
  const [selected, setSelected] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ node: string; request: number } | null>(null);
  const [sigma, setSigma] = useState<GraphSigma | null>(null);

  const sectorCounts = useMemo(() => {
    const counts: Partial<Record<Sector, number>> = {};
    network.forEachNode((_n, a) => {
      counts[a.sector] = (counts[a.sector] ?? 0) + 1;
    });
    return counts;
  }, [network]);
  const hasIsolates = useMemo(() => network.someNode((n) => network.degree(n) === 0), [network]);

  const select = useCallback((id: string | null) => setSelected(id), []);
  const selectAndFocus = useCallback((id: string) => {
    setSelected(id);
    setFocus((f) => ({ node: id, request: (f?.request ?? 0) + 1 }));
  }, []);
  const details = selected ? index.details(selected, network) : undefined;
  const datasetName = bundle.id === 'den-haag' ? t('app.datasetDenHaag') : bundle.dataset.name;

  return (
    <main className="explorer">
      <div className="toolbar">
        <div className="dataset">
          <strong>{datasetName}</strong>
          <span className="muted" data-testid="counts">
            {t('app.counts', {
              organisations: bundle.dataset.organisations.length,
              activities: bundle.dataset.activities.length,
              ties: network.size,
            })}
          </span>
        </div>
        <SearchBox index={search} onChoose={selectAndFocus} />
      </div>
      <div className="stage">
        <div className="canvas-wrap">
          <GraphView graph={display} selected={selected} focus={focus} onSelect={select} onReady={setSigma} />
          <CameraControls sigma={sigma} />
        </div>
        <Legend counts={sectorCounts} hasIsolates={hasIsolates} />
      </div>
      <aside className="side-panel">
        {details ? (
          <DetailsPanel details={details} onSelect={selectAndFocus} onClose={() => setSelected(null)} />
        ) : (
          <section className="intro">
            <h2>{t('intro.title')}</h2>
            <p>{t('intro.body')}</p>
            <p>{t('intro.hint')}</p>
            <p className="muted">{t('intro.source')}</p>
          </section>
        )}
      </aside>
    </main>
  );
}
