/**
 * The "Verandering / Change" view: compare two views (periods or a link), what if (hypothetical
 * activities and adopted introductions), and the worklist of introductions, with the meeting pack
 * one button away. Everything is computed by the session store and the analysis worker; this only
 * arranges the parts.
 */
import { useEffect } from 'react';
import { useSession, useStore } from '../../session/react';
import { CHANGE_MODES, type ChangeMode } from '../../session/viewState';
import { ComparePanel } from './ComparePanel';
import { MeetingPackButton } from './MeetingPack';
import { useChangeText } from './text';
import { WhatIfPanel } from './WhatIfPanel';
import { WorklistPanel } from './WorklistPanel';
import './change.css';

export function ChangeView({ datasetSlug, datasetName }: { datasetSlug: string; datasetName: string }) {
  const { t } = useChangeText();
  const store = useStore();
  const mode = useSession((s) => s.view.change.mode);
  const setMode = (m: ChangeMode) => store.updateView((v) => ({ ...v, change: { ...v.change, mode: m } }));
  const move = (to: number) => {
    const m = CHANGE_MODES[(to + CHANGE_MODES.length) % CHANGE_MODES.length]!;
    setMode(m);
    requestAnimationFrame(() => document.getElementById(`change-mode-${m}`)?.focus());
  };
  const current = CHANGE_MODES.indexOf(mode);
  // On a narrow screen the view's own tab is the last one, scrolled out of sight: bring it in.
  useEffect(() => {
    document.getElementById('tab-change')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, []);
  return (
    <div className="change-page" data-testid="change-view">
      <div className="change-head">
        <div className="change-modes" role="tablist" aria-label={t('modes.label')}>
          {CHANGE_MODES.map((m) => (
            <button
              key={m}
              id={`change-mode-${m}`}
              type="button"
              role="tab"
              aria-selected={m === mode}
              aria-controls="change-panel"
              tabIndex={m === mode ? 0 : -1}
              onClick={() => setMode(m)}
              onKeyDown={(e) => {
                const to = e.key === 'ArrowRight' ? current + 1 : e.key === 'ArrowLeft' ? current - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? CHANGE_MODES.length - 1 : null;
                if (to === null) return;
                e.preventDefault();
                move(to);
              }}
              data-testid={`change-mode-${m}`}
            >
              {t(`modes.${m}`)}
            </button>
          ))}
        </div>
        <MeetingPackButton testId="open-meeting-pack" datasetName={datasetName} />
      </div>
      <div id="change-panel" role="tabpanel" aria-labelledby={`change-mode-${mode}`} className="change-panel">
        {/* The panels' sections are h3: this names the part they belong to (heading order). */}
        <h2 className="visually-hidden">{t(`modes.${mode}`)}</h2>
        {mode === 'compare' && <ComparePanel datasetSlug={datasetSlug} />}
        {mode === 'whatif' && <WhatIfPanel datasetSlug={datasetSlug} />}
        {mode === 'worklist' && <WorklistPanel datasetSlug={datasetSlug} datasetName={datasetName} />}
      </div>
    </div>
  );
}
