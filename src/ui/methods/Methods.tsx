import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The sections of the Methods text, in reading order (keys of the `methods` namespace). */
export const METHOD_SECTIONS = ['ties', 'mixing', 'clusters', 'conveners', 'robustness', 'focal', 'brokerage', 'betweenness', 'constraint', 'suggestions'] as const;
export type MethodSection = (typeof METHOD_SECTIONS)[number];

const MethodsContext = createContext<(section?: MethodSection) => void>(() => {});

/** Opens the Methods dialog, optionally at a section (for the "how is this computed?" links). */
export const useOpenMethods = () => useContext(MethodsContext);

/**
 * Holds the Methods dialog: every analytical choice, its reference and what it means for the
 * reader, in the UI language. A native modal <dialog>: focus stays inside, Esc closes it and focus
 * returns to the button that opened it.
 */
export function MethodsProvider({ children }: { children: ReactNode }) {
  const [section, setSection] = useState<MethodSection | null | undefined>(undefined);
  const opener = useRef<Element | null>(null);
  const open = useCallback((s?: MethodSection) => {
    opener.current = document.activeElement;
    setSection(s ?? null);
  }, []);
  const close = useCallback(() => setSection(undefined), []);
  // Focus goes back to what opened the dialog once the dialog has left the page.
  useEffect(() => {
    if (section !== undefined || !(opener.current instanceof HTMLElement)) return;
    opener.current.focus();
    opener.current = null;
  }, [section]);
  return (
    <MethodsContext.Provider value={open}>
      {children}
      {section !== undefined && <MethodsDialog section={section} onClose={close} />}
    </MethodsContext.Provider>
  );
}

function MethodsDialog({ section, onClose }: { section: MethodSection | null; onClose(): void }) {
  const { t } = useTranslation('methods');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const target = section ? dialog.querySelector<HTMLElement>(`[data-section="${section}"]`) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus();
    }
  }, [section]);
  return (
    <dialog ref={ref} className="methods-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose} data-testid="methods-dialog">
      <header className="methods-header">
        <h2 id={titleId}>{t('title')}</h2>
        <button type="button" className="close" onClick={() => ref.current?.close()} aria-label={t('close')} title={t('close')} data-testid="methods-close">
          ×
        </button>
      </header>
      <p>{t('intro')}</p>
      <nav aria-label={t('title')}>
        <ul className="methods-toc">
          {METHOD_SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#methods-${s}`}>{t(`sections.${s}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {METHOD_SECTIONS.map((s) => (
        <section key={s} id={`methods-${s}`} data-section={s} tabIndex={-1} className={s === section ? 'methods-current' : undefined} aria-labelledby={`methods-${s}-title`}>
          <h3 id={`methods-${s}-title`}>{t(`sections.${s}.title`)}</h3>
          <dl>
            <dt>{t('what')}</dt>
            <dd>{t(`sections.${s}.what`)}</dd>
            <dt>{t('reference')}</dt>
            <dd>{t(`sections.${s}.reference`)}</dd>
            <dt>{t('meaning')}</dt>
            <dd>{t(`sections.${s}.meaning`)}</dd>
          </dl>
        </section>
      ))}
    </dialog>
  );
}

/** "How is this computed?" next to a figure: opens the Methods dialog at its section. */
export function MethodsLink({ section }: { section: MethodSection }) {
  const { t } = useTranslation('methods');
  const open = useOpenMethods();
  const label = useMemo(() => `${t('openFor')} (${t(`sections.${section}.title`)})`, [t, section]);
  return (
    <button type="button" className="methods-link" onClick={() => open(section)} aria-label={label} data-testid={`methods-link-${section}`}>
      {t('openFor')}
    </button>
  );
}

/** The header button that opens the whole Methods text. */
export function MethodsButton() {
  const { t } = useTranslation('methods');
  const open = useOpenMethods();
  return (
    <button type="button" className="methods-button" onClick={() => open()} data-testid="methods-open">
      {t('open')}
    </button>
  );
}
