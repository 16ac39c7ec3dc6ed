import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationSearch, SearchHit } from '../graph/search';
import { toLanguage } from '../i18n';
import { localTitle } from '../i18n/localText';

/** An accessible combobox (WAI-ARIA 1.2 pattern): type, pick with arrows/Enter or the mouse. */
export function SearchBox({ index, onChoose }: { index: OrganisationSearch; onChoose: (hit: SearchHit) => void }) {
  const { t, i18n } = useTranslation();
  // An activity is named in the UI's language (its English title in the English UI), as elsewhere.
  const lang = toLanguage(i18n.language);
  const nameOf = (hit: SearchHit) => localTitle({ title: hit.name, titleEn: hit.nameEn }, lang);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const { hits, total } = useMemo(() => index.searchCounted(query), [index, query]);

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    setQuery(nameOf(hit));
    setOpen(false);
    onChoose(hit);
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
    }
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        data-testid="search-input"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
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
      />
      {showList && (
        <ul id={listId} role="listbox" className="search-results">
          {hits.length === 0 && <li className="search-empty">{t('search.noMatches', { query })}</li>}
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>
                {nameOf(hit)}
                {hit.kind === 'activity' && <span className="search-kind"> · {t('search.activity')}</span>}
              </span>
              {hit.alias && hit.alias !== nameOf(hit) && <span className="search-alias">{t('search.alias', { alias: hit.alias })}</span>}
            </li>
          ))}
          {total > hits.length && (
            <li className="search-more" role="option" aria-disabled="true" aria-selected={false} data-testid="search-more">
              {t('search.more', { shown: hits.length, total })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
