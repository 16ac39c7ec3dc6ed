/**
 * The actions under one convener's introductions (in the conveners panel): try them in what if,
 * or put them on the worklist. The meeting pack for all conveners sits after the list.
 */
import { useState } from 'react';
import type { AnalysisResult } from '../../analysis/assemble';
import { useStore } from '../../session/react';
import type { ConvenerIntroduction } from '../../worklist/introductions';
import type { Introduction } from '../../worklist/worklist';
import { MeetingPackButton } from './MeetingPack';
import { useChangeText } from './text';
import './change.css';

export function ConvenerIntroductionActions({ pick, list }: { pick: AnalysisResult['conveners']['picks'][number]; list: readonly ConvenerIntroduction[] }) {
  const { t, tp } = useChangeText();
  const store = useStore();
  const [message, setMessage] = useState('');
  return (
    <div className="change-buttons convener-actions" data-testid="convener-introductions-item" data-id={pick.id}>
      <button
        type="button"
        className="change-button"
        onClick={() => {
          const n = store.adoptIntroductions(list.map((i) => ({ a: { id: i.a.id, name: i.a.label }, b: { id: i.b.id, name: i.b.label } })));
          setMessage(tp('whatif.adopted', n, { convener: pick.label }));
          store.updateView((v) => ({ ...v, view: 'change', change: { ...v.change, mode: 'whatif' } }));
        }}
        // The visible words first (WCAG 2.5.3): a voice-control user says what the button shows.
        aria-label={t('intros.adoptLabel', { convener: pick.label })}
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
      <span className="ana-muted" role="status" data-testid="convener-introductions-message">
        {message}
      </span>
    </div>
  );
}

/** After the conveners: every convener's case on one printed page each. */
export function ConvenersMeetingPack({ datasetName }: { datasetName: string }) {
  const { t } = useChangeText();
  return (
    <div className="ana-subsection convener-intros">
      <p className="ana-intro">{t('intros.packIntro')}</p>
      <MeetingPackButton testId="conveners-meeting-pack" datasetName={datasetName} />
    </div>
  );
}
