import { useEffect, useRef, useState } from 'react';
import { distinctFileNames } from '../../data/import/fileNames';
import { defaultStorage, saveMapping, type KeyValueStorage } from '../../data/import/mappingStore';
import { needsMappingStep, planMappings, type BuildProgress, type ImportSummary, type ReadProgress, type SourceSummary } from '../../data/import/pipeline';
import type { Dataset } from '../../data/model';
import type { PackedDataset } from '../../data/import/transport';
import type { ImportProblem, ImportReport } from '../../data/report';
import { DropZone } from './DropZone';
import { createDefaultEngine, type ImportEngine } from './engine';
import { MappingStep, type EditablePlan } from './MappingStep';
import { ProblemList } from './ProblemList';
import { ReviewStep } from './ReviewStep';
import { useImportMessages } from './useImportMessages';
import './import.css';

export interface ImportResult {
  dataset: Dataset;
  report: ImportReport;
  /** A name for the dataset: the file names. */
  label: string;
  /** The same dataset packed, when it came from the import worker. */
  packed?: PackedDataset;
}

export interface ImportPanelProps {
  onImported(result: ImportResult): void;
  /** The chosen dataset, packed, as soon as the worker has it (before the page has rebuilt it). */
  onPacked?(packed: PackedDataset): void;
  onCancel?(): void;
  /** Where parsing runs; by default the import worker. Tests pass an inline engine. */
  engine?: ImportEngine;
  /** Where saved column mappings live; by default localStorage. */
  storage?: KeyValueStorage;
}

type State =
  | { step: 'choose'; failed: ImportProblem[]; message?: string }
  | { step: 'reading'; progress?: ReadProgress; cancel: () => void }
  | { step: 'mapping'; summaries: SourceSummary[]; plans: EditablePlan[] }
  | { step: 'building'; summaries: SourceSummary[]; plans: EditablePlan[]; progress?: BuildProgress; cancel: () => void }
  | {
      step: 'review';
      summaries: SourceSummary[];
      plans: EditablePlan[];
      /** As built: every duplicate proposal. */
      built: ImportSummary;
      /** With the accepted merges (the engine merges; the page only shows it). */
      view: ImportSummary;
      decisions: ReadonlyMap<string, boolean>;
      taking: boolean;
    };

/**
 * Bring your own data: choose or drop files, assign columns when the layout is not recognised,
 * read the report, decide on likely duplicates, and show the result on the map. Parsing and
 * building run in a worker; this component only holds the step the user is at.
 */
export function ImportPanel({ onImported, onPacked, onCancel, engine: givenEngine, storage }: ImportPanelProps) {
  const words = useImportMessages();
  const { t } = words;
  const [state, setState] = useState<State>({ step: 'choose', failed: [] });
  const [labels, setLabels] = useState<string[]>([]);
  const engineRef = useRef<ImportEngine | null>(null);
  const store = storage ?? defaultStorage();

  useEffect(() => {
    const engine = givenEngine ?? createDefaultEngine();
    engineRef.current = engine;
    return () => {
      if (!givenEngine) engine.dispose();
      engineRef.current = null;
    };
  }, [givenEngine]);

  const fail = (e: unknown) => setState({ step: 'choose', failed: [], message: t('engineError', { message: String((e as Error)?.message ?? e) }) });

  const build = async (summaries: SourceSummary[], plans: EditablePlan[]) => {
    const engine = engineRef.current;
    if (!engine) return;
    for (const p of plans) if (p.remember && !p.missing.length) saveMapping(p.table.header, p.mapping, store);
    const building = engine.build(
      { datasetName: summaries.map((s) => s.file).join(', '), mappings: new Map(plans.map((p) => [p.table.id, p.mapping])) },
      (progress) => setState((s) => (s.step === 'building' ? { ...s, progress } : s)),
    );
    setState({ step: 'building', summaries, plans, cancel: building.cancel });
    try {
      const outcome = await building.result;
      // Cancelled: back to the mapping step, where the user can change the assignment or start over.
      if (outcome === 'cancelled') return setState({ step: 'mapping', summaries, plans });
      setState({ step: 'review', summaries, plans, built: outcome, view: outcome, decisions: new Map(), taking: false });
    } catch (e) {
      fail(e);
    }
  };

  const open = async (files: File[]) => {
    const engine = engineRef.current;
    if (!engine) return;
    const names = distinctFileNames(files.map((f) => f.name));
    setLabels(names);
    const reading = engine.read(
      files.map((f, i) => ({ name: names[i]!, blob: f })),
      (progress) => setState((s) => (s.step === 'reading' ? { ...s, progress } : s)),
    );
    setState({ step: 'reading', cancel: reading.cancel });
    let summaries: SourceSummary[] | 'cancelled';
    try {
      summaries = await reading.result;
    } catch (e) {
      return fail(e);
    }
    if (summaries === 'cancelled') return setState({ step: 'choose', failed: [], message: t('cancelled') });
    const failed = summaries.flatMap((s) => (s.status === 'failed' ? s.problems : []));
    if (!summaries.some((s) => s.status !== 'failed')) return setState({ step: 'choose', failed });
    const plans: EditablePlan[] = planMappings(summaries, store).map((p) => ({ ...p, remember: p.origin === 'saved' }));
    if (needsMappingStep(plans)) setState({ step: 'mapping', summaries, plans });
    else await build(summaries, plans);
  };

  const acceptedOf = (decisions: ReadonlyMap<string, boolean>) => [...decisions].filter(([, v]) => v).map(([k]) => k);

  const decide = (ids: readonly string[], accept: boolean) => {
    if (state.step !== 'review') return;
    // A Map: group ids are organisation ids joined, and any string is a valid id.
    const decisions = new Map(state.decisions);
    for (const id of ids) decisions.set(id, accept);
    setState({ ...state, decisions });
    engineRef.current
      ?.review(acceptedOf(decisions))
      .then((view) => setState((s) => (s.step === 'review' && s.decisions === decisions ? { ...s, view } : s)))
      .catch(fail);
  };

  const confirm = async () => {
    if (state.step !== 'review' || !engineRef.current) return;
    setState({ ...state, taking: true });
    try {
      const { dataset, report, packed } = await engineRef.current.take(acceptedOf(state.decisions), onPacked);
      onImported({ dataset, report, label: labels.join(', '), packed });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className="import-panel" data-testid="import-panel">
      <header className="import-header">
        <h2>{t('title')}</h2>
        {onCancel && (
          <button type="button" className="close" aria-label={t('close')} title={t('close')} onClick={onCancel}>
            ×
          </button>
        )}
      </header>
      {state.step === 'choose' && (
        <>
          <p>{t('intro')}</p>
          <DropZone t={t} onFiles={(files) => void open(files)} />
          {state.message && (
            <p className="import-message" role="status">
              {state.message}
            </p>
          )}
          {state.failed.length > 0 && (
            <div className="import-error" role="alert" data-testid="import-error">
              <h3>{t('failedFiles')}</h3>
              <ProblemList problems={state.failed} words={words} testId="import-error-list" />
            </div>
          )}
        </>
      )}
      {state.step === 'reading' && (
        <div className="import-progress" role="status">
          <p>{t('reading')}</p>
          <ProgressBar progress={state.progress} t={t} />
          <button type="button" className="import-button" onClick={state.cancel} data-testid="import-cancel">
            {t('cancel')}
          </button>
        </div>
      )}
      {state.step === 'mapping' && (
        <>
          <FailedNotice summaries={state.summaries} words={words} />
          <MappingStep
            plans={state.plans}
            words={words}
            onChange={(i, plan) => setState((s) => (s.step === 'mapping' ? { ...s, plans: s.plans.map((p, j) => (j === i ? plan : p)) } : s))}
            onContinue={() => void build(state.summaries, state.plans)}
            onBack={() => setState({ step: 'choose', failed: [] })}
          />
        </>
      )}
      {state.step === 'building' && (
        <div className="import-progress" role="status">
          <p>{t('building')}</p>
          <progress max={1} value={state.progress && state.progress.total ? state.progress.rows / state.progress.total : 0} data-testid="build-progress" aria-label={t('building')} />
          {state.progress && <p className="muted">{t('buildingProgress', { rows: state.progress.rows, total: state.progress.total })}</p>}
          <button type="button" className="import-button" onClick={state.cancel} data-testid="build-cancel">
            {t('cancel')}
          </button>
        </div>
      )}
      {state.step === 'review' && (
        <ReviewStep
          outcome={state.view}
          proposals={state.built.duplicates}
          decisions={state.decisions}
          words={words}
          busy={state.taking}
          onDecide={decide}
          onBack={() => setState({ step: 'mapping', summaries: state.summaries, plans: state.plans })}
          onConfirm={() => void confirm()}
        />
      )}
    </div>
  );
}

function ProgressBar({ progress, t }: { progress: ReadProgress | undefined; t: ReturnType<typeof useImportMessages>['t'] }) {
  // `fraction` is how much of the file is done (CSV is decoded and parsed in one pass); files share the bar equally.
  const fraction = progress ? (progress.fileIndex + progress.fraction) / progress.fileCount : 0;
  return (
    <>
      <progress max={1} value={fraction} data-testid="import-progress" aria-label={t('reading')} />
      {progress && (
        <p className="muted">
          {t('readingFile', {
            file: progress.file,
            index: progress.fileIndex + 1,
            count: progress.fileCount,
            phase: t(progress.phase === 'reading' ? 'phaseReading' : 'phaseParsing'),
          })}
        </p>
      )}
    </>
  );
}

function FailedNotice({ summaries, words }: { summaries: SourceSummary[]; words: ReturnType<typeof useImportMessages> }) {
  const failed = summaries.flatMap((s) => (s.status === 'failed' ? s.problems : []));
  if (!failed.length) return null;
  return (
    <div className="import-error" role="alert" data-testid="import-error">
      <h3>{words.t('failedFiles')}</h3>
      <ProblemList problems={failed} words={words} testId="import-error-list" />
    </div>
  );
}
