import { CONFIDENCE_LEVELS, type Activity, type Confidence, type Dataset, type Organisation, type Participation } from './model';
import { normaliseName, slugify } from './normalise';
import { importProblem } from './problemWords';
import type { ImportProblem } from './report';
import { inferOrganisationSector, parseSectorValue, type SectorGuessSource, type TypeHint } from './sectorInference';
import type { Sector } from './sectors';
import { lookupOrganisationType, typeHint } from './sectorVocabularies';
import { UNSPECIFIED } from './vocabulary';

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
  /** Where sector guesses may already have been made (see SectorGuessSource). */
  sectorGuesses?: SectorGuessSource;
}

/** How much of a name the sector rules read (names are far shorter). */
const INFERENCE_NAME_LENGTH = 500;
/** More stated participants than this is a typing error or a unit mix-up (1e9), not one activity. */
export const MAX_STATED_PARTICIPANTS = 1_000_000;

/**
 * A cell's whole number, written in decimal digits only; NaN otherwise. Number() alone also reads
 * 0x7E4, 2.02e3 and 0b11111100100 as 2020. The importer and the scenario reader read years with it.
 */
export function wholeNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

/** A leading apostrophe is how Bruggen's writer neutralises formula-like cells; undo one. */
const FORMULA_ESCAPED = /^'+[=+\-@\t\r]/;
/** Zero-width characters (U+200B–U+200D, U+2060) that `trim` keeps: an id of only these looked set but showed nothing. */
const isZeroWidth = (code: number) => (code >= 0x200b && code <= 0x200d) || code === 0x2060;
const ZERO_WIDTH_ENDS = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;

export function cell(value: string | undefined): string {
  let v = (value ?? '').trim();
  if (v && (isZeroWidth(v.charCodeAt(0)) || isZeroWidth(v.charCodeAt(v.length - 1)))) v = v.replace(ZERO_WIDTH_ENDS, '');
  // 39 is the apostrophe: the regex runs only on the rare cell that starts with one.
  return v.charCodeAt(0) === 39 && FORMULA_ESCAPED.test(v) ? v.slice(1) : v;
}

export function splitList(value: string): string[] {
  // Most cells hold one value or none: no arrays to build and filter for them.
  if (!value.includes('|')) {
    const v = value.trim();
    return v ? [v] : [];
  }
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

/**
 * The activity attributes each layout's rows carry, as [field, canonical column]. In a
 * participations row, `region` belongs to the organisation (it follows `city`), and the stated
 * number of participants is an activities-file column only. (Constants: they are read per row.)
 */
const ACTIVITY_COLUMNS: Record<'activities' | 'participations', { text: readonly (readonly [keyof Activity & string, string])[]; numeric: readonly (readonly [keyof Activity & string, string])[] }> = {
  activities: {
    text: [
      ['title', 'title'],
      ['kind', 'kind'],
      ['source', 'source'],
      ['scheme', 'scheme'],
      ['theme', 'theme'],
      ['region', 'region'],
      ['titleEn', 'title_en'],
    ],
    numeric: [
      ['startYear', 'start_year'],
      ['endYear', 'end_year'],
      ['statedParticipants', 'stated_participants'],
    ],
  },
  participations: {
    text: [
      ['title', 'activity_title'],
      ['kind', 'activity_kind'],
      ['source', 'source'],
      ['scheme', 'scheme'],
      ['theme', 'theme'],
    ],
    numeric: [
      ['startYear', 'start_year'],
      ['endYear', 'end_year'],
    ],
  },
};

/** The organisation's place attributes, filled from the first row that gives them. */
const PLACE_KEYS = ['city', 'region', 'country'] as const;

/** What a row without sector or type cells says (never changed: readings are shared). */
const NO_READING: SectorReading = Object.freeze({});

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
  /** Organisations a row gave a name (it may equal the id). */
  private readonly givenName = new Set<string>();
  /** Activities already reported for an end year before their start year (once each). */
  private readonly reversedYears = new Set<string>();
  private readonly participations: Participation[] = [];
  /** The index in `participations` by activity, then organisation: a small Map per activity (a
   * composite string key per row cost a string built, hashed and kept for each participation). */
  private readonly participationIndex = new Map<string, Map<string, number>>();
  /** The file and row that created each participation, in the same order (kept apart so the
   * dataset's participations need no copy without them). */
  private readonly originFiles: string[] = [];
  private readonly originRows: number[] = [];
  private readonly needsInference = new Set<string>();
  private readonly typeHints = new Map<string, TypeHint>();
  /** Organisations described in an organisations file. */
  private readonly declared = new Set<string>();
  private readonly reportedTypes = new Set<string>();
  /** Organisation ids that participation rows gave without a name (CORDIS PICs). */
  private readonly idOnly = new Set<string>();
  /** Sector readings by file, then by sector and type value (see readSector). */
  private readonly readings = new Map<string, Map<string, SectorReading>>();
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
    // Most rows of a participations file say neither (all of CORDIS).
    if (!value && !type) return NO_READING;
    // A file repeats a few sector and type values on every row: a reading without a problem of its
    // own row is remembered per file and pair of values (readings are never changed).
    let perFile = this.readings.get(file);
    if (!perFile) this.readings.set(file, (perFile = new Map()));
    const key = `${value}\u0000${type}`;
    const known = perFile.get(key);
    if (known) return known;
    const reading = this.readSectorCells(value, type, file, number);
    if (!reading.rowProblem && perFile.size < 10_000) perFile.set(key, reading);
    return reading;
  }

  private readSectorCells(value: string, type: string, file: string, number: number): SectorReading & { rowProblem?: true } {
    if (value) {
      const { sector, entry } = this.lookupSectorValue(value);
      if (sector) return { sector };
      if (entry) return { ...this.fromVocabulary(entry, file, 'sector', value), type: value };
      this.problem(importProblem({ file, row: number, column: 'sector', severity: 'warning' }, 'unknown-sector', { value: value.slice(0, 60) }));
    }
    const rowProblem = value ? ({ rowProblem: true } as const) : {};
    if (type) {
      const { sector, entry } = this.lookupSectorValue(type);
      if (sector) return { sector, type, ...rowProblem };
      if (entry) return { ...this.fromVocabulary(entry, file, 'organisation_type', type), type, ...rowProblem };
      return { hint: { label: type }, type, ...rowProblem };
    }
    return rowProblem;
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
      const sector = entry.sector ?? entry.registry ?? entry.fallback;
      const variant = entry.sector ? 'definitive' : entry.registry ? 'registry' : entry.fallback ? 'fallback' : 'none';
      this.problem(importProblem({ file, column, severity: 'info' }, 'sector-mapped', { source: entry.source, value: value.slice(0, 60), ...(sector ? { sector } : {}) }, variant));
    }
    return entry.sector ? { sector: entry.sector } : { hint: typeHint(entry, value) };
  }

  addOrganisationRow(row: Row, file: string, number: number, extraColumns: readonly string[]): Outcome {
    const name = cell(row.get('name'));
    let id = cell(row.get('organisation_id'));
    if (!name && !id) {
      this.problem(importProblem({ file, row: number, column: 'name', severity: 'error' }, 'missing-organisation', {}, 'organisations-file'));
      return 'rejected';
    }
    if (!id) id = this.byName.get(normaliseName(name)) ?? this.uniqueOrganisationId(name);
    const reading = this.readSector(row, file, number);
    const existing = this.organisations.get(id);
    if (existing) {
      this.problem(importProblem({ file, row: number, column: 'organisation_id', severity: 'warning' }, 'duplicate-organisation', { id: id.slice(0, 80) }));
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
    this.offerGuess(org);
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
      this.givenName.add(org.id);
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
    for (const key of PLACE_KEYS) {
      const v = cell(row.get(key));
      if (v && !org[key]) org[key] = v;
    }
  }

  addActivityRow(row: Row, file: string, number: number, extraColumns: readonly string[]): Outcome {
    const id = cell(row.get('activity_id'));
    if (!id) {
      this.problem(importProblem({ file, row: number, column: 'activity_id', severity: 'error' }, 'missing-activity-id', {}, 'activities-file'));
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
      this.problem(importProblem({ file, row: number, column: 'activity_id', severity: 'warning' }, 'duplicate-activity', { id: id.slice(0, 80) }));
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
    const { text, numeric } = ACTIVITY_COLUMNS[layout];
    for (const [field, column] of text) {
      const v = cell(row.get(column));
      if (!v) continue;
      const current = activity[field] as string | undefined;
      const placeholder = (field === 'title' && current === activity.id) || current === UNSPECIFIED;
      if (!current || placeholder) (activity as unknown as Record<string, unknown>)[field] = v;
      else if (current !== v) this.conflict(file, number, column, activity.id, current, v);
    }
    for (const [field, column] of numeric) {
      const raw = cell(row.get(column));
      if (!raw) continue;
      const value = wholeNumber(raw);
      const isYear = field !== 'statedParticipants';
      const valid = Number.isInteger(value) && (isYear ? value >= 1900 && value <= 2100 : value >= 0 && value <= MAX_STATED_PARTICIPANTS);
      if (!valid) {
        const code = isYear ? 'invalid-year' : Number.isInteger(value) && value > MAX_STATED_PARTICIPANTS ? 'implausible-count' : 'invalid-number';
        this.problem(importProblem({ file, row: number, column, severity: 'warning' }, code, { value: raw.slice(0, 60), max: MAX_STATED_PARTICIPANTS }));
        continue;
      }
      const current = activity[field] as number | undefined;
      if (current === undefined) (activity as unknown as Record<string, unknown>)[field] = value;
      else if (current !== value) this.conflict(file, number, column, activity.id, String(current), raw);
    }
    // Kept as given (the source may be right about one of them), but said: the year filter reads both.
    if (activity.startYear !== undefined && activity.endYear !== undefined && activity.endYear < activity.startYear && !this.reversedYears.has(activity.id)) {
      this.reversedYears.add(activity.id);
      this.problem(importProblem({ file, row: number, column: 'end_year', severity: 'warning' }, 'years-reversed', { id: activity.id.slice(0, 80), start: String(activity.startYear), end: String(activity.endYear) }));
    }
  }

  private conflict(file: string, row: number, column: string, id: string, kept: string, ignored: string) {
    this.problem(
      importProblem({ file, row, column, severity: 'warning' }, 'conflicting-value', { id: id.slice(0, 80), column, kept: kept.slice(0, 80), ignored: ignored.slice(0, 80) }),
    );
  }

  addParticipationRow(row: Row, file: string, number: number): Outcome {
    const activityId = cell(row.get('activity_id'));
    if (!activityId) {
      this.problem(importProblem({ file, row: number, column: 'activity_id', severity: 'error' }, 'missing-activity-id'));
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

    let members = this.participationIndex.get(activityId);
    if (!members) this.participationIndex.set(activityId, (members = new Map()));
    const index = members.get(organisationId);
    const previous = index === undefined ? undefined : this.participations[index]!;
    const role = cell(row.get('role'));
    const confidence = this.readConfidence(row, file, number);
    if (previous) {
      this.problem(
        importProblem({ file, row: number, severity: 'info' }, 'duplicate-participation', {
          organisation: organisationId.slice(0, 80),
          activity: activityId.slice(0, 80),
          file: this.originFiles[index!]!,
          firstRow: this.originRows[index!]!,
        }),
      );
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
    const participation: Participation = { activityId, organisationId };
    members.set(organisationId, this.participations.length);
    this.originFiles.push(file);
    this.originRows.push(number);
    if (role) participation.role = role;
    if (confidence) participation.confidence = confidence;
    const written = cell(row.get('organisation'));
    const org = this.organisations.get(organisationId)!;
    if (written && written !== org.name) participation.nameAsWritten = written;
    participation.provenance = cell(row.get('provenance')) || `${file}#row ${number}`;
    this.participations.push(participation);
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
    this.problem(importProblem({ file, row: number, column: 'confidence', severity: 'warning' }, 'unknown-confidence', { value: raw.slice(0, 60) }));
    return 'inferred';
  }

  private resolveOrganisation(row: Row, file: string, number: number): string | undefined {
    const id = cell(row.get('organisation_id'));
    const name = cell(row.get('organisation'));
    if (id) {
      if (!name) this.idOnly.add(id);
      const known = this.organisations.get(id);
      if (known) {
        // For an organisation described in an organisations file, the name in a participation row
        // is how that source wrote it (kept on the participation), not an alias; unless that file
        // gave it no name: then this is its only name.
        const alias = this.declared.has(id) && this.givenName.has(id) ? '' : name;
        const sectorValue = cell(row.get('sector'));
        this.fillOrganisation(known, row, alias, this.readSector(row, file, number));
        this.checkSectorConflict(known, sectorValue, file, number);
        return id;
      }
      if (!name) {
        if (this.options.idOnlyOrganisations === 'name-from-id') {
          this.problem(importProblem({ file, row: number, column: 'organisation', severity: 'warning' }, 'unnamed-organisation', { id: id.slice(0, 80) }));
          return this.createOrganisation(id, id, row, file, number, false);
        }
        this.problem(importProblem({ file, row: number, column: 'organisation_id', severity: 'error' }, 'unknown-organisation-id', { id: id.slice(0, 80) }));
        return undefined;
      }
      return this.createOrganisation(id, name, row, file, number);
    }
    if (!name || !normaliseName(name)) {
      this.problem(
        name
          ? importProblem({ file, row: number, column: 'organisation', severity: 'error' }, 'missing-organisation', { name: name.slice(0, 60) }, 'no-letters')
          : importProblem({ file, row: number, column: 'organisation', severity: 'error' }, 'missing-organisation', {}, 'empty'),
      );
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
    // An organisation named after its id for want of a name is not one a row named.
    this.fillOrganisation(org, row, named ? name : '', reading);
    this.offerGuess(org);
    this.organisations.set(id, org);
    if (named) this.registerName(name, id);
    return id;
  }

  private checkSectorConflict(org: Organisation, value: string, file: string, row: number) {
    if (!value) return;
    const sector = parseSectorValue(normaliseName(value)) ?? lookupOrganisationType(value)?.sector;
    if (sector && sector !== org.sector && !this.needsInference.has(org.id)) {
      this.problem(importProblem({ file, row, column: 'sector', severity: 'warning' }, 'conflicting-sector', { name: org.name.slice(0, 80), sector: org.sector, otherSector: sector }));
    }
  }

  /** Offers a new organisation that has no sector (yet) to `sectorGuesses`. */
  private offerGuess(org: Organisation) {
    if (this.options.sectorGuesses && this.needsInference.has(org.id)) this.options.sectorGuesses.offer(org.name.slice(0, INFERENCE_NAME_LENGTH), this.typeHints.get(org.id));
  }

  /**
   * Organisations that never got a definitive sector get one inferred from their name and type,
   * with the rule that decided (`sectorReason`), reported once each.
   */
  finishInference() {
    const steps = this.finishInferenceSteps();
    while (!steps.next().done);
  }

  /** `finishInference` in steps of a few thousand organisations (yields how many are done). */
  *finishInferenceSteps(): Generator<number, void, void> {
    let done = 0;
    for (const id of this.needsInference) {
      if (++done % 5_000 === 0) yield done;
      const org = this.organisations.get(id)!;
      // The rules read names; a value of megabytes (reported as long-value) is not one, and
      // running a hundred rules over all of it would take seconds.
      const name = org.name.slice(0, INFERENCE_NAME_LENGTH);
      const type = this.typeHints.get(id);
      const guess = this.options.sectorGuesses?.take(name, type) ?? inferOrganisationSector(name, type);
      org.sector = guess.sector;
      org.sectorInferred = true;
      org.sectorReason = guess.reason;
      const place = { file: org.provenance[0]?.split('#')[0] ?? '', column: 'sector', severity: 'info' as const };
      this.problem(
        guess.reason !== 'none'
          ? importProblem(place, 'sector-inferred', { name: org.name.slice(0, 80), sector: guess.sector, why: guess.why, reason: guess.reason })
          : importProblem(place, 'sector-inferred', { name: org.name.slice(0, 80) }, 'none'),
      );
    }
    this.needsInference.clear();
  }

  /**
   * Of the organisations that participation rows named only by id: how many got a name from an
   * organisations file (or a later row), and how many are still shown under their id.
   */
  idOnlyParticipants(): { named: number; unnamed: number } {
    let named = 0;
    let unnamed = 0;
    for (const id of this.idOnly) {
      const org = this.organisations.get(id);
      if (!org) continue;
      // A name that equals the id ("ACME" for ACME) is a name all the same.
      if (org.name === org.id && !this.givenName.has(id)) unnamed++;
      else named++;
    }
    return { named, unnamed };
  }

  /** Whether an activity id has been read (as an activity or in a participation). */
  hasActivity(id: string): boolean {
    return this.activities.has(id);
  }

  toDataset(name: string): Dataset {
    // The ids sorted by the default sort (UTF-16 code units, as `<` compares) and then looked up:
    // a third faster on H2020 than sorting the records with a comparator that reads their ids.
    const inIdOrder = <T>(records: ReadonlyMap<string, T>) => [...records.keys()].sort().map((id) => records.get(id)!);
    return {
      name,
      organisations: inIdOrder(this.organisations),
      activities: inIdOrder(this.activities),
      participations: [...this.participations],
    };
  }

  /** The file and row that created each participation, in the order of `toDataset().participations`. */
  participationOrigins(): { file: string; row: number }[] {
    return this.originFiles.map((file, i) => ({ file, row: this.originRows[i]! }));
  }
}

function newActivity(id: string): Activity {
  return { id, title: id, kind: UNSPECIFIED, source: UNSPECIFIED, provenance: [] };
}

/** Extra columns as an object of own properties: `Object.fromEntries` defines them, so a column
 * named `__proto__` or `constructor` is a value like any other (assignment would not be). */
function extraAttributes(row: Row, columns: readonly string[]): Record<string, string> | undefined {
  const entries: [string, string][] = [];
  for (const c of columns) {
    const v = cell(row.get(c));
    if (v) entries.push([c, v]);
  }
  return entries.length ? Object.fromEntries(entries) : undefined;
}
