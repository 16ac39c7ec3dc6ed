/**
 * Under the conveners: each convener's introductions among its own partners, with buttons to try
 * them in what if, to put them on the worklist, and the meeting pack.
 */
import { useId, useMemo, useState } from 'react';
import type { AnalysisResult } from '../../analysis/assemble';
import { useStore } from '../../session/react';
import { convenerIntroductions } from '../../worklist/introductions';
import type { Introduction } from '../../worklist/worklist';
import { MeetingPackButton } from './MeetingPack';
import { useChangeText } from './text';
import './change.css';

export function ConvenerIntroductions({ result, datasetName }: { result: AnalysisResult; datasetName: string }) {
  const { t, tp } = useChangeText();
  const store = useStore();
  const headingId = useId();
  const [message, setMessage] = useState('');
  const intros = useMemo(() => convenerIntroductions(result, { perConvener: 3 }), [result]);
  const byConvener = result.conveners.picks.map((p) => ({ pick: p, list: intros.filter((i) => i.convener.id === p.id) })).filter((x) => x.list.length);
  return (
    <section className="ana ana-section convener-intros" aria-labelledby={headingId} data-testid="convener-introductions">
      <h2 id={headingId}>{t('intros.title')}</h2>
      <p className="ana-intro">{t('intros.intro')}</p>
      {byConvener.length === 0 && <p className="ana-muted">{t('whatif.adoptNone')}</p>}
      <ol className="convener-intros-list">
        {byConvener.map(({ pick, list }) => (
          <li key={pick.id} data-testid="convener-introductions-item" data-id={pick.id}>
            <strong>{pick.label}</strong>
            <ul>
              {list.map((i) => (
                <li key={`${i.a.id}|${i.b.id}`}>
                  {i.a.label} ↔ {i.b.label}
                </li>
              ))}
            </ul>
            <div className="change-buttons">
              <button
                type="button"
                className="change-button"
                onClick={() => {
                  const n = store.adoptIntroductions(list.map((i) => ({ a: { id: i.a.id, name: i.a.label }, b: { id: i.b.id, name: i.b.label } })));
                  setMessage(tp('whatif.adopted', n, { convener: pick.label }));
                  store.updateView((v) => ({ ...v, view: 'change', change: { ...v.change, mode: 'whatif' } }));
                }}
                aria-label={t('whatif.adoptLabel', { convener: pick.label })}
                data-testid={`convener-adopt-${pick.id}`}
              >
                {t('intros.adopt')}
              </button>
              <button
                type="button"
                className="change-button"
                onClick={() => {
                  const date = store.todayIso();
                  const items: Introduction[] = list.map((i) => ({
                    a: { id: i.a.id, name: i.a.label, sector: i.a.sector },
                    b: { id: i.b.id, name: i.b.label, sector: i.b.sector },
                    status: 'to_make',
                    owner: '',
                    note: '',
                    origin: 'convener',
                    convener: { id: pick.id, name: pick.label },
                    via: i.sharedPartners.map((p) => ({ id: p.id, name: p.label })),
                    created: date,
                    updated: date,
                  }));
                  setMessage(tp('worklist.addedSuggested', store.addToWorklist(items)));
                }}
                aria-label={t('intros.worklistLabel', { convener: pick.label })}
                data-testid={`convener-worklist-${pick.id}`}
              >
                {t('intros.worklist')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <p className="ana-muted" role="status" data-testid="convener-introductions-message">
        {message}
      </p>
      <MeetingPackButton testId="conveners-meeting-pack" datasetName={datasetName} />
    </section>
  );
}
