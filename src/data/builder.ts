import { CONFIDENCE_LEVELS, type Activity, type Confidence, type Dataset, type Organisation, type Participation } from './model';
import { normaliseName, slugify } from './normalise';
import type { ImportProblem } from './report';
import { inferOrganisationSector, parseSectorValue, type TypeHint } from './sectorInference';
import type { Sector } from './sectors';
import { lookupOrganisationType, typeHint } from './sectorVocabularies';

/** One row, keyed by Bruggen's canonical column names (see canonical.ts). */
export type Row = Map<string, string>;

/** What became of a row: every row read is exactly one of these. */
export type Outcome = 'used' | 'merged' | 'rejected';

export interface BuilderOptions {
  /**
   * A participation that gives only an organisation id (no name, no organisations file): by
   * default rejected; foreign exports such as CORDIS leave names empty for valid ids, so the
   * importer creates the organisation named after its id instead (and says so).
   */
  idOnlyOrganisations?: 'reject' | 'name-from-id';
}

/** A leading apostrophe is how Bruggen's writer neutralises formula-like cells; undo one. */
const FORMULA_ESCAPED = /^'+[=+\-@\t\r]/;
export function cell(value: string | undefined): string {
  const v = (value ?? '').trim();
  return FORMULA_ESCAPED.test(v) ? v.slice(1) : v;
}

export function splitList(value: string): string[] {
  return value
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The worst of several outcomes of one source row (a row that adds anything is used). */
export function combineOutcomes(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.includes('used')) return 'used';
  if (outcomes.includes('merged')) return 'merged';
  return 'rejected';
}

interface SectorReading {
  sector?: Sector;
  /** A type that suggests a sector without settling it (used by inference). */
  hint?: TypeHint;
  /** The organisation type as written, kept on the organisation. */
  type?: string;
}

/**
 * Turns rows into a Dataset with exact accounting: each add*Row call reports whether the row was
 * used, merged into what was already read, or rejected (with a problem saying why and what to
 * do). Organisations are identified by id, else by normalised name; activities by id.
 */
export class DatasetBuilder {
  readonly problems: ImportProblem[] = [];
  private readonly organisations = new Map<string, Organisation>();
  private readonly byName = new Map<string, string>();
  private readonly activities = new Map<string, Activity>();
  private readonly participations = new Map<string, Participation & { origin: { file: string; row: number } }>();
  private readonly needsInference = new Set<string>();
  private readonly typeHints = new Map<string, TypeHint>();
  /** Organisations described in an organisations file. */
  private readonly declared = new Set<string>();
  private readonly reportedTypes = new Set<string>();
  private readonly sectorValues = new Map<string, { sector?: Sector; entry?: ReturnType<typeof lookupOrganisationType> }>();

  constructor(private readonly options: BuilderOptions = {}) {}

  private problem(p: ImportProblem) {
    this.problems.push(p);
  }

  private registerName(name: string, id: string) {
    const key = normaliseName(name);
    if (key && !this.byName.has(key)) this.byName.set(key, id);
  }

  private uniqueOrganisationId(name: string): string {
    const base = slugify(name) || 'organisation';
    let id = base;
    for (let n = 2; this.organisations.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /**
   * Reads the sector and organisation-type cells of a row: Bruggen's sector ids and labels
   * first, then the foreign vocabularies (CORDIS, Forskningsrådet, Dutch legal forms...). An
   * unknown sector value is reported; an unknown type is only a missing hint.
   */
  private readSector(row: Row, file: string, number: number): SectorReading {
    const value = cell(row.get('sector'));
    const type = cell(row.get('organisation_type'));
    if (value) {
      const { sector, entry } = this.lookupSectorValue(value);
      if (sector) return { sector };
      if (entry) return { ...this.fromVocabulary(entry, file, 'sector', value), type: value };
      this.problem({
        file,
        row: number,
        column: 'sector',
        severity: 'warning',
        code: 'unknown-sector',
        message: `"${value}" is not one of the sectors (tech, care, government, knowledge, network, finance, citizens, other); the sector will be inferred from the name instead.`,
        fix: 'Use one of the sector ids listed in the README, or correct the sector in the app.',
      });
    }
    if (type) {
      const { sector, entry } = this.lookupSectorValue(type);
      if (sector) return { sector, type };
      if (entry) return { ...this.fromVocabulary(entry, file, 'organisation_type', type), type };
      return { hint: { label: type }, type };
    }
    return {};
  }

  /**
   * A sector or type cell read as a sector id or label, else as a vocabulary entry: pure, and
   * remembered per value (a file repeats a few values on every row; at most 10,000 are kept).
   */
  private lookupSectorValue(value: string): { sector?: Sector; entry?: ReturnType<typeof lookupOrganisationType> } {
    let found = this.sectorValues.get(value);
    if (!found) {
      const sector = parseSectorValue(normaliseName(value));
      found = sector ? { sector } : { entry: lookupOrganisationType(value) };
      if (this.sectorValues.size < 10_000) this.sectorValues.set(value, found);
    }
    return found;
  }

  private fromVocabulary(
    entry: NonNullable<ReturnType<typeof lookupOrganisationType>>,
    file: string,
    column: string,
    value: string,
  ): SectorReading {
    const key = `${file}\u0000${column}\u0000${value}`;
    if (!this.reportedTypes.has(key)) {
      this.reportedTypes.add(key);
      this.problem({
        file,
        column,
        severity: 'info',
        code: 'sector-mapped',
        message: entry.sector
          ? `${entry.source} type "${value}" was mapped to sector "${entry.sector}".`
          : entry.registry
            ? `${entry.source} type "${value}" means sector "${entry.registry}" unless the name says otherwise (a hospital, academic hospital, patient organisation, technology company, association, sports club...); marked as inferred.`
            : entry.fallback
              ? `${entry.source} type "${value}" suggests sector "${entry.fallback}"; a more specific name rule may override it (marked as inferred).`
              : `${entry.source} type "${value}" says nothing about the sector; it is inferred from the name (marked as inferred).`,
      });
    }
    return entry.sector ? { sector: entry.sector } : { hint: typeHint(entry, value) };
  }

  addOrganisationRow(row: Row, file: string, number: number, extraColumns: readonly string[]): Outcome {
    const name = cell(row.get('name'));
    let id = cell(row.get('organisation_id'));
    if (!name && !id) {
      this.problem({
        file,
        row: number,
        column: 'name',
        severity: 'error',
        code: 'missing-organisation',
        message: 'This row has neither an organisation_id nor a name, so it cannot describe an organisation.',
        fix: 'Fill in the name (and ideally an id), or delete the row.',
      });
      return 'rejected';
    }
    if (!id) id = this.byName.get(normaliseName(name)) ?? this.uniqueOrganisationId(name);
    const reading = this.readSector(row, file, number);
    const existing = this.organisations.get(id);
    if (existing) {
      this.problem({
        file,
        row: number,
        column: 'organisation_id',
        severity: 'warning',
        code: 'duplicate-organisation',
        message: `Organisation "${id}" was already described earlier; this row's empty fields were filled in but differing values were not used.`,
        fix: 'Keep one row per organisation.',
      });
      this.fillOrganisation(existing, row, name, reading);
      return 'merged';
    }
    const provenance = splitList(cell(row.get('provenance')));
    const org: Organisation = {
      id,
      name: name || id,
      sector: reading.sector ?? 'other',
      aliases: splitList(cell(row.get('aliases'))),
      provenance: provenance.length ? provenance : [`${file}#row ${number}`],
    };
    if (!reading.sector) this.needsInference.add(id);
    this.fillOrganisation(org, row, name, reading);
    const listed = splitList(cell(row.get('listed_in')));
    if (listed.length) org.listedIn = listed;
    const description = cell(row.get('description'));
    if (description) org.description = description;
    const descriptionEn = cell(row.get('description_en'));
    if (descriptionEn) org.descriptionEn = descriptionEn;
    const extra = extraAttributes(row, extraColumns);
    if (extra) org.extra = extra;
    this.organisations.set(id, org);
    this.declared.add(id);
    this.registerName(org.name, id);
    for (const alias of org.aliases) this.registerName(alias, id);
    return 'used';
  }

  private addAlias(org: Organisation, alias: string) {
    if (!alias || alias === org.name || org.aliases.includes(alias)) return;
    org.aliases.push(alias);
    this.registerName(alias, org.id);
  }

  private fillOrganisation(org: Organisation, row: Row, name: string, reading: SectorReading) {
    if (name) {
      // An id standing in for a name is replaced; a second spelling becomes an alias, never a lost value.
      if (org.name === org.id && name !== org.id) {
        org.name = name;
        this.registerName(name, org.id);
      } else if (name !== org.name && normaliseName(name) !== normaliseName(org.name)) this.addAlias(org, name);
    }
    if (reading.sector && this.needsInference.has(org.id)) {
      org.sector = reading.sector;
      this.needsInference.delete(org.id);
    }
    if (reading.hint && !this.typeHints.has(org.id)) this.typeHints.set(org.id, reading.hint);
    if (reading.type && !org.organisationType) org.organisationType = reading.type;
    // A short name or acronym from a participations file (e.g. CORDIS shortName).
    if (!this.declared.has(org.id)) for (const alias of splitList(cell(row.get('short_name')))) this.addAlias(org, alias);
    for (const key of ['city', 'region', 'country'] as const) {
      const v = cell(row.get(key));
      if (v && !org[key]) org[key] = v;
    }
  }

  addActivityRow(row: Row, file: string, number: number, extraColumns: readonly string[]): Outcome {
    const id = cell(row.get('activity_id'));
    if (!id) {
      this.problem({
        file,
        row: number,
        column: 'activity_id',
        severity: 'error',
        code: 'missing-activity-id',
        message: 'This row has no activity_id, so it cannot be linked to any participation.',
        fix: 'Fill in the activity id, or delete the row.',
      });
      return 'rejected';
    }
    const existing = this.activities.get(id);
    const activity = existing ?? newActivity(id);
    this.fillActivity(activity, row, file, number, 'activities');
    const description = cell(row.get('description'));
    if (description && !activity.description) activity.description = description;
    const descriptionEn = cell(row.get('description_en'));
    if (descriptionEn && !activity.descriptionEn) activity.descriptionEn = descriptionEn;
    const provenance = splitList(cell(row.get('provenance')));
    for (const p of provenance) if (!activity.provenance.includes(p)) activity.provenance.push(p);
    if (!activity.provenance.length) activity.provenance.push(`${file}#row ${number}`);
    const extra = extraAttributes(row, extraColumns);
    if (extra) activity.extra = { ...extra, ...activity.extra };
    if (existing) {
      this.problem({
        file,
        row: number,
        column: 'activity_id',
        severity: 'warning',
        code: 'duplicate-activity',
        message: `Activity "${id}" was already described earlier; this row's empty fields were filled in but differing values were not used.`,
        fix: 'Keep one row per activity.',
      });
      return 'merged';
    }
    this.activities.set(id, activity);
    return 'used';
  }

  /**
   * Fills an activity's attributes from a row of an activities file or a participations file;
   * a value that contradicts an earlier one is reported.
   */
  private fillActivity(activity: Activity, row: Row, file: string, number: number, layout: 'activities' | 'participations') {
    const ownFile = layout === 'activities';
    const text: [keyof Activity & string, string][] = [
      ['title', ownFile ? 'title' : 'activity_title'],
      ['kind', ownFile ? 'kind' : 'activity_kind'],
      ['source', 'source'],
      ['scheme', 'scheme'],
      ['theme', 'theme'],
    ];
    // In a participations row, `region` belongs to the organisation (it follows `city`), and the
    // stated number of participants is an activities-file column only.
    if (ownFile) text.push(['region', 'region'], ['titleEn', 'title_en']);
    for (const [field, column] of text) {
      const v = cell(row.get(column));
      if (!v) continue;
      const current = activity[field] as string | undefined;
      const placeholder = (field === 'title' && current === activity.id) || current === 'unspecified';
      if (!current || placeholder) (activity as unknown as Record<string, unknown>)[field] = v;
      else if (current !== v) this.conflict(file, number, column, activity.id, current, v);
    }
    const numeric: [keyof Activity & string, string][] = [
      ['startYear', 'start_year'],
      ['endYear', 'end_year'],
    ];
    if (ownFile) numeric.push(['statedParticipants', 'stated_participants']);
    for (const [field, column] of numeric) {
      const raw = cell(row.get(column));
      if (!raw) continue;
      const value = Number(raw);
      const isYear = field !== 'statedParticipants';
      const valid = Number.isInteger(value) && (isYear ? value >= 1900 && value <= 2100 : value >= 0);
      if (!valid) {
        this.problem({
          file,
          row: number,
          column,
          severity: 'warning',
          code: isYear ? 'invalid-year' : 'invalid-number',
          message: `"${raw}" is not ${isYear ? 'a year (a whole number such as 2016)' : 'a whole number'}; the value was not used, the row was.`,
          fix: `Write ${isYear ? 'the year as four digits' : 'a whole number'} or leave the cell empty.`,
        });
        continue;
      }
      const current = activity[field] as number | undefined;
      if (current === undefined) (activity as unknown as Record<string, unknown>)[field] = value;
      else if (current !== value) this.conflict(file, number, column, activity.id, String(current), raw);
    }
  }

  private conflict(file: string, row: number, column: string, id: string, kept: string, ignored: string) {
    this.problem({
      file,
      row,
      column,
      severity: 'warning',
      code: 'conflicting-value',
      message: `Activity "${id}" already has ${column} "${kept}"; this row says "${ignored}", which was not used.`,
      fix: 'Make the value the same on every row of the activity.',
    });
  }

  addParticipationRow(row: Row, file: string, number: number): Outcome {
    const activityId = cell(row.get('activity_id'));
    if (!activityId) {
      this.problem({
        file,
        row: number,
        column: 'activity_id',
        severity: 'error',
        code: 'missing-activity-id',
        message: 'This row has no activity_id, so it cannot say which activity the organisation took part in.',
        fix: 'Fill in the activity id (any text that is the same on every row of the activity), or delete the row.',
      });
      return 'rejected';
    }
    const organisationId = this.resolveOrganisation(row, file, number);
    if (!organisationId) return 'rejected';

    let activity = this.activities.get(activityId);
    if (!activity) {
      activity = newActivity(activityId);
      this.activities.set(activityId, activity);
    }
    this.fillActivity(activity, row, file, number, 'participations');

    const key = `${activityId}\u0000${organisationId}`;
    const previous = this.participations.get(key);
    const role = cell(row.get('role'));
    const confidence = this.readConfidence(row, file, number);
    if (previous) {
      this.problem({
        file,
        row: number,
        severity: 'info',
        code: 'duplicate-participation',
        message: `Organisation "${organisationId}" already takes part in activity "${activityId}" (${previous.origin.file} row ${previous.origin.row}); this row was merged into that one.`,
      });
      if (role && previous.role && role !== previous.role && !previous.role.split('; ').includes(role)) {
        previous.role = `${previous.role}; ${role}`;
      } else if (role && !previous.role) {
        previous.role = role;
      }
      // The best-supported reading wins: a stated row makes the participation stated.
      if (previous.confidence && CONFIDENCE_LEVELS.indexOf(confidence ?? 'stated') < CONFIDENCE_LEVELS.indexOf(previous.confidence)) {
        if (confidence) previous.confidence = confidence;
        else delete previous.confidence;
      }
      return 'merged';
    }
    const participation: Participation & { origin: { file: string; row: number } } = {
      activityId,
      organisationId,
      origin: { file, row: number },
    };
    if (role) participation.role = role;
    if (confidence) participation.confidence = confidence;
    const written = cell(row.get('organisation'));
    const org = this.organisations.get(organisationId)!;
    if (written && written !== org.name) participation.nameAsWritten = written;
    participation.provenance = cell(row.get('provenance')) || `${file}#row ${number}`;
    this.participations.set(key, participation);
    if (!activity.provenance.length) activity.provenance.push(`${file}#row ${number}`);
    return 'used';
  }

  /**
   * The `confidence` cell: empty or `stated` is the default (undefined); `implied` and `inferred`
   * are kept. Any other value is reported and read as `inferred`, the weakest level, so that an
   * unreadable value never makes a relation look firmer than it is.
   */
  private readConfidence(row: Row, file: string, number: number): Exclude<Confidence, 'stated'> | undefined {
    const raw = cell(row.get('confidence'));
    if (!raw) return undefined;
    const value = raw.toLowerCase();
    if (value === 'stated') return undefined;
    if (value === 'implied' || value === 'inferred') return value;
    this.problem({
      file,
      row: number,
      column: 'confidence',
      severity: 'warning',
      code: 'unknown-confidence',
      message: `"${raw}" is not a confidence level (stated, implied or inferred); the row was used and its relation read as "inferred", the weakest level.`,
      fix: 'Write stated (or leave the cell empty) when the source says so, implied when it follows from the text, inferred for a judgement call.',
    });
    return 'inferred';
  }

  private resolveOrganisation(row: Row, file: string, number: number): string | undefined {
    const id = cell(row.get('organisation_id'));
    const name = cell(row.get('organisation'));
    if (id) {
      const known = this.organisations.get(id);
      if (known) {
        // For an organisation described in an organisations file, the name in a participation row
        // is how that source wrote it (kept on the participation), not an alias.
        const alias = this.declared.has(id) ? '' : name;
        const sectorValue = cell(row.get('sector'));
        this.fillOrganisation(known, row, alias, this.readSector(row, file, number));
        this.checkSectorConflict(known, sectorValue, file, number);
        return id;
      }
      if (!name) {
        if (this.options.idOnlyOrganisations === 'name-from-id') {
          this.problem({
            file,
            row: number,
            column: 'organisation',
            severity: 'warning',
            code: 'unnamed-organisation',
            message: `Organisation id "${id}" has no name in this row; it is shown under its id until a row or an organisations file names it.`,
            fix: 'Add the organisation names (for CORDIS: the organisations file of the same release), or rename it in the app.',
          });
          return this.createOrganisation(id, id, row, file, number, false);
        }
        this.problem({
          file,
          row: number,
          column: 'organisation_id',
          severity: 'error',
          code: 'unknown-organisation-id',
          message: `Organisation id "${id}" is not in the organisations file and this row gives no name for it.`,
          fix: 'Add the organisation to the organisations file, or fill in the "organisation" column.',
        });
        return undefined;
      }
      return this.createOrganisation(id, name, row, file, number);
    }
    if (!name || !normaliseName(name)) {
      this.problem({
        file,
        row: number,
        column: 'organisation',
        severity: 'error',
        code: 'missing-organisation',
        message: name
          ? `"${name}" contains no letters or digits, so it cannot identify an organisation.`
          : 'This row names no organisation (the "organisation" column is empty and there is no organisation_id).',
        fix: 'Fill in the organisation name, or delete the row.',
      });
      return undefined;
    }
    const existing = this.byName.get(normaliseName(name));
    if (existing) {
      const known = this.organisations.get(existing)!;
      this.fillOrganisation(known, row, name, this.readSector(row, file, number));
      this.checkSectorConflict(known, cell(row.get('sector')), file, number);
      return existing;
    }
    return this.createOrganisation(this.uniqueOrganisationId(name), name, row, file, number);
  }

  private createOrganisation(id: string, name: string, row: Row, file: string, number: number, named = true): string {
    const reading = this.readSector(row, file, number);
    const org: Organisation = {
      id,
      name,
      sector: reading.sector ?? 'other',
      aliases: [],
      provenance: [`${file}#row ${number}`],
    };
    if (!reading.sector) this.needsInference.add(id);
    this.fillOrganisation(org, row, name, reading);
    this.organisations.set(id, org);
    if (named) this.registerName(name, id);
    return id;
  }

  private checkSectorConflict(org: Organisation, value: string, file: string, row: number) {
    if (!value) return;
    const sector = parseSectorValue(normaliseName(value)) ?? lookupOrganisationType(value)?.sector;
    if (sector && sector !== org.sector && !this.needsInference.has(org.id)) {
      this.problem({
        file,
        row,
        column: 'sector',
        severity: 'warning',
        code: 'conflicting-sector',
        message: `"${org.name}" already has sector "${org.sector}"; this row says "${sector}", which was not used.`,
        fix: 'Give the organisation the same sector on every row (or correct it in the app).',
      });
    }
  }

  /**
   * Organisations that never got a definitive sector get one inferred from their name and type,
   * with the rule that decided (`sectorReason`), reported once each.
   */
  finishInference() {
    for (const id of this.needsInference) {
      const org = this.organisations.get(id)!;
      const guess = inferOrganisationSector(org.name, this.typeHints.get(id));
      org.sector = guess.sector;
      org.sectorInferred = true;
      org.sectorReason = guess.reason;
      this.problem({
        file: org.provenance[0]?.split('#')[0] ?? '',
        severity: 'info',
        code: 'sector-inferred',
        column: 'sector',
        message:
          guess.reason !== 'none'
            ? `No sector given for "${org.name}"; inferred "${guess.sector}" (${guess.why}).`
            : `No sector given for "${org.name}" and the name matches no rule; set to "other".`,
        fix: 'Add a sector column, or correct the sector in the app.',
      });
    }
    this.needsInference.clear();
  }

  /** Whether an activity id has been read (as an activity or in a participation). */
  hasActivity(id: string): boolean {
    return this.activities.has(id);
  }

  toDataset(name: string): Dataset {
    const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return {
      name,
      organisations: [...this.organisations.values()].sort(byId),
      activities: [...this.activities.values()].sort(byId),
      participations: [...this.participations.values()].map(({ origin: _origin, ...p }) => p),
    };
  }

  /** The file and row that created each participation, in the order of `toDataset().participations`. */
  participationOrigins(): { file: string; row: number }[] {
    return [...this.participations.values()].map((p) => p.origin);
  }
}

function newActivity(id: string): Activity {
  return { id, title: id, kind: 'unspecified', source: 'unspecified', provenance: [] };
}

function extraAttributes(row: Row, columns: readonly string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const v = cell(row.get(c));
    if (v) out[c] = v;
  }
  return Object.keys(out).length ? out : undefined;
}
