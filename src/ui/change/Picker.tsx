/**
 * Choose organisations (or an activity) by typing: an accessible combobox (WAI-ARIA 1.2, as the
 * search box) whose choices become chips with a remove button. `max` 1 makes it a single choice.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { OrganisationSearch, SearchHit } from '../../graph/search';
import { useChangeText } from './text';

export interface Picked {
  id: string;
  name: string;
}

export interface PickerProps {
  index: OrganisationSearch;
  kind: SearchHit['kind'];
  label: string;
  selected: readonly Picked[];
  onChange(next: Picked[]): void;
  testId: string;
  max?: number;
  /** Ids that cannot be chosen (already chosen elsewhere). */
  exclude?: ReadonlySet<string>;
}

export function Picker({ index, kind, label, selected, onChange, testId, max = Infinity, exclude }: PickerProps) {
  const { t } = useChangeText();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const chosen = useMemo(() => new Set(selected.map((s) => s.id)), [selected]);
  const hits = useMemo(() => index.search(query, 8, kind).filter((h) => !chosen.has(h.id) && !exclude?.has(h.id)), [index, query, kind, chosen, exclude]);
  const full = selected.length >= max;

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    onChange(max === 1 ? [{ id: hit.id, name: hit.name }] : [...selected, { id: hit.id, name: hit.name }]);
    setQuery('');
    setActive(0);
    setOpen(max !== 1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      setOpen(false);
    } else if (e.key === 'Backspace' && !query && selected.length) {
      onChange(selected.slice(0, -1));
    }
  };
  const showList = open && query.trim() !== '';

  return (
    <div className="change-picker" data-testid={testId}>
      <label htmlFor={`${id}-input`}>{label}</label>
      {selected.length > 0 && (
        <ul className="change-chips" aria-label={t('picker.chosen', { label })}>
          {selected.map((s) => (
            <li key={s.id} className="change-chip" data-testid={`${testId}-chip`} data-id={s.id}>
              <span>{s.name}</span>
              <button type="button" aria-label={t('picker.remove', { name: s.name })} onClick={() => onChange(selected.filter((x) => x.id !== s.id))} data-testid={`${testId}-remove`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full || max === 1 ? (
        <div className="change-picker-box">
          <input
            id={`${id}-input`}
            type="search"
            role="combobox"
            aria-expanded={showList}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={showList && hits[active] ? `${id}-${active}` : undefined}
            placeholder={t(kind === 'activity' ? 'picker.placeholderActivity' : 'picker.placeholder')}
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={(e) => {
              // Closed a moment later (a click on an option lands first), unless focus came back
              // meanwhile: a stale timer closed the list under new typing.
              const input = e.currentTarget;
              setTimeout(() => {
                if (document.activeElement !== input) setOpen(false);
              }, 150);
            }}
            onKeyDown={onKeyDown}
            data-testid={`${testId}-input`}
          />
          {showList && (
            <ul id={`${id}-list`} role="listbox" className="search-results" aria-label={label}>
              {hits.length === 0 && <li className="search-empty">{t('picker.none', { query })}</li>}
              {hits.map((hit, i) => (
                <li
                  key={hit.id}
                  id={`${id}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  data-testid={`${testId}-option`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(i);
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  <span>{hit.name}</span>
                  {hit.alias && <span className="search-alias">{hit.alias}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
