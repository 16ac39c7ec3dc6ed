import { useMemo, useState } from 'react';
import { ROLE_FIELDS, type FieldId, type MappingRole } from '../../data/import/fields';
import type { TablePlan } from '../../data/import/pipeline';
import { autoColumns, mappingMissing, type ColumnMapping } from '../../data/import/recognise';
import type { ImportWords } from './useImportMessages';

export interface EditablePlan extends TablePlan {
  remember: boolean;
}

const ROLES: MappingRole[] = ['participations', 'activities', 'organisations', 'ignore'];
const PREVIEW = 5;
/** Up to this many columns a table is shown whole; wider ones show the assigned columns and a page of the others. */
const ALL_COLUMNS = 60;
const PAGE = 50;
/** Columns in the preview of the first rows. */
const PREVIEW_COLUMNS = 30;

const delimiterName = (d: string) => (d === '\t' ? 'tab' : d ? `"${d}"` : '—');

/** Per table: what the file contains and what each column means, with example values. */
export function MappingStep({
  plans,
  words,
  onChange,
  onContinue,
  onBack,
}: {
  plans: EditablePlan[];
  words: ImportWords;
  onChange: (index: number, plan: EditablePlan) => void;
  onContinue: () => void;
  onBack: () => void;
}) {
  const { t } = words;
  const blocked = plans.some((p) => mappingMissing(p.mapping).length > 0);
  return (
    <section className="import-mapping" aria-labelledby="import-mapping-title" data-testid="mapping-step">
      <h3 id="import-mapping-title">{t('mappingTitle')}</h3>
      <p>{t('mappingIntro')}</p>
      {plans.map((plan, index) => (
        <TableMapping key={plan.table.id} plan={plan} words={words} onChange={(p) => onChange(index, p)} />
      ))}
      <div className="import-actions">
        <button type="button" className="import-button" onClick={onBack}>
          {t('startOver')}
        </button>
        <button type="button" className="import-button primary" disabled={blocked} onClick={onContinue} data-testid="mapping-continue">
          {t('continue')}
        </button>
      </div>
    </section>
  );
}

/**
 * Which columns to render: all of a normal table; of a wide one (60,000 columns froze the page) the
 * assigned columns, then the others matching the filter, one page at a time.
 */
function visibleColumns(header: readonly string[], columns: readonly (FieldId | null)[], filter: string, limit: number): { shown: number[]; more: number } {
  if (header.length <= ALL_COLUMNS) return { shown: header.map((_h, i) => i), more: 0 };
  const needle = filter.trim().toLowerCase();
  const shown: number[] = [];
  let others = 0;
  let more = 0;
  for (let i = 0; i < header.length; i++) {
    if (columns[i]) {
      shown.push(i);
      continue;
    }
    if (needle && !(header[i] ?? '').toLowerCase().includes(needle)) continue;
    if (others < limit) {
      shown.push(i);
      others++;
    } else more++;
  }
  return { shown, more };
}

function TableMapping({ plan, words, onChange }: { plan: EditablePlan; words: ImportWords; onChange: (p: EditablePlan) => void }) {
  const { table, mapping } = plan;
  const { t, tp } = words;
  const missing = mappingMissing(mapping);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const { shown, more } = useMemo(() => visibleColumns(table.header, mapping.columns, filter, limit), [table.header, mapping.columns, filter, limit]);
  const wide = table.header.length > ALL_COLUMNS;
  // A user's choice settles an uncertain guess.
  const update = (next: ColumnMapping) => {
    const { uncertain: _settled, ...rest } = plan;
    onChange({ ...rest, mapping: next, missing: mappingMissing(next) });
  };
  const setRole = (role: MappingRole) => {
    // A new role keeps the columns that still make sense and recognises the rest again.
    const allowed = role === 'ignore' ? new Set<FieldId>() : new Set(ROLE_FIELDS[role]);
    const auto = role === 'ignore' ? [] : autoColumns(table.header, role);
    const columns = mapping.columns.map((c, i) => (c && allowed.has(c) ? c : (auto[i] ?? null)));
    setMoved(null);
    update({ ...mapping, role, columns: dedupe(columns) });
  };
  // The last time choosing a field took it from another column: said, not done unseen.
  const [moved, setMoved] = useState<{ field: FieldId; from: string; to: string } | null>(null);
  const columnName = (j: number) => table.header[j] || `(${j + 1})`;
  const setColumn = (i: number, field: FieldId | null) => {
    // A field belongs to one column: choosing it here clears it elsewhere.
    const from = field ? mapping.columns.findIndex((c, j) => j !== i && c === field) : -1;
    const columns = mapping.columns.map((c, j) => (j === i ? field : c === field ? null : c));
    setMoved(field && from >= 0 ? { field, from: columnName(from), to: columnName(i) } : null);
    update({ ...mapping, columns });
  };
  const usedBy = useMemo(() => {
    const at = new Map<FieldId, number>();
    mapping.columns.forEach((c, j) => c && at.set(c, j));
    return at;
  }, [mapping.columns]);
  const fields = mapping.role === 'ignore' ? [] : ROLE_FIELDS[mapping.role];
  const examples = (i: number) =>
    [...new Set(table.preview.map((r) => (r[i] ?? '').trim()).filter(Boolean))].slice(0, 3);
  const title = table.sheet ? `${table.file}` : table.file;
  return (
    <article className="import-table" data-table={table.file}>
      <h4>
        {title} <span className="muted">· {tp('rowsInFile', table.rowCount)}</span>
      </h4>
      <p className="muted">
        {t('fileDetails', { delimiter: delimiterName(table.delimiter), encoding: table.encoding ?? 'xlsx' })}
        {plan.origin === 'saved' ? ` · ${t('savedMapping')}` : mapping.layout && mapping.layout !== 'generic' ? ` · ${t('recognisedAs', { layout: t(`layout_${mapping.layout}`) })}` : ''}
      </p>
      {plan.uncertain && (
        <div className="import-uncertain" role="note" data-testid="mapping-uncertain">
          <strong>{t('uncertainTitle')}</strong> {t(`uncertain.${plan.uncertain.code}`, plan.uncertain.params)} {t('uncertainHint')}
        </div>
      )}
      <label className="import-field">
        <span>{t('fileContains')}</span>
        <select value={mapping.role} onChange={(e) => setRole(e.target.value as MappingRole)} data-testid="mapping-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role_${r}`)}
            </option>
          ))}
        </select>
      </label>
      {mapping.role !== 'ignore' && wide && (
        <div className="import-field">
          <span className="muted">{t('columnsShown', { shown: shown.length, total: table.header.length })}</span>
          <label className="import-field">
            <span>{t('columnFilter')}</span>
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="mapping-filter" />
          </label>
        </div>
      )}
      {mapping.role !== 'ignore' && (
        <table className="import-columns">
          <thead>
            <tr>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('field')}</th>
              <th scope="col">{t('example')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => {
              const h = table.header[i] ?? '';
              return (
                <tr key={i}>
                  <th scope="row">{h || `(${i + 1})`}</th>
                  <td>
                    <select
                      aria-label={`${t('column')} ${h || i + 1}`}
                      data-column={h}
                      value={mapping.columns[i] ?? ''}
                      onChange={(e) => setColumn(i, (e.target.value || null) as FieldId | null)}
                    >
                      <option value="">{t('notImported')}</option>
                      {fields.map((f) => {
                        // A field another column has says which, so choosing it here is no surprise.
                        const other = usedBy.get(f);
                        return (
                          <option key={f} value={f}>
                            {other !== undefined && other !== i ? t('fieldInColumn', { field: t(`field_${f}`), column: columnName(other) }) : t(`field_${f}`)}
                          </option>
                        );
                      })}
                    </select>
                  </td>
                  <td className="import-examples">{examples(i).join(' · ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {moved && (
        <p className="import-moved" role="status" data-testid="mapping-moved">
          {t('fieldMoved', { field: t(`field_${moved.field}`), from: moved.from, to: moved.to })}
        </p>
      )}
      {mapping.role !== 'ignore' && more > 0 && (
        <button type="button" className="import-button" onClick={() => setLimit((l) => l + PAGE)} data-testid="mapping-more-columns">
          {t('showMoreColumns', { n: Math.min(PAGE, more) })}
        </button>
      )}
      {mapping.role !== 'organisations' && mapping.role !== 'ignore' && (
        <div className="import-constants">
          <label className="import-field">
            <span>{t('sourceConstant')}</span>
            <input
              type="text"
              value={mapping.constants.source ?? ''}
              onChange={(e) => update({ ...mapping, constants: { ...mapping.constants, source: e.target.value } })}
            />
          </label>
          <label className="import-field">
            <span>{t('kindConstant')}</span>
            <input
              type="text"
              value={mapping.constants.activity_kind ?? ''}
              onChange={(e) => update({ ...mapping, constants: { ...mapping.constants, activity_kind: e.target.value } })}
            />
          </label>
        </div>
      )}
      {missing.length > 0 && (
        <p className="import-missing" data-testid="mapping-missing">
          {t('missing', { fields: missing.map((m) => t(`field_${m}`)).join(', ') })}
        </p>
      )}
      <details className="import-preview">
        <summary>
          {t('preview')}
          {table.header.length > PREVIEW_COLUMNS ? ` ${t('previewColumns', { n: PREVIEW_COLUMNS })}` : ''}
        </summary>
        <div className="import-preview-scroll">
          <table>
            <thead>
              <tr>
                {table.header.slice(0, PREVIEW_COLUMNS).map((h, i) => (
                  <th key={i}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.preview.slice(0, PREVIEW).map((r, j) => (
                <tr key={j}>
                  {table.header.slice(0, PREVIEW_COLUMNS).map((_h, i) => (
                    <td key={i}>{(r[i] ?? '').slice(0, 80)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <label className="import-check">
        <input type="checkbox" checked={plan.remember} onChange={(e) => onChange({ ...plan, remember: e.target.checked })} /> {t('rememberMapping')}
      </label>
    </article>
  );
}

function dedupe(columns: (FieldId | null)[]): (FieldId | null)[] {
  const seen = new Set<FieldId>();
  return columns.map((c) => {
    if (!c || seen.has(c)) return null;
    seen.add(c);
    return c;
  });
}
