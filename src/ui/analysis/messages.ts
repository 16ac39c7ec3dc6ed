/**
 * UI text of the analysis views, Dutch (default) and English, with identical keys (checked by the
 * type of `en` and by a unit test), and `useAnalysisText()`: a typed lookup for the current
 * i18next language with `{{name}}` interpolation and _one/_other plurals.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormatters, sectorLabel, toAnalysisLang, type AnalysisLang, type NumberFormatters } from './format';

const nl = {
  'common.showFewer': 'Toon minder',
  'common.showAll_one': 'Toon {{count}}',
  'common.showAll_other': 'Toon alle {{count}}',
  'common.steps_one': '{{count}} stap',
  'common.steps_other': '{{count}} stappen',

  'sectorShort.tech': 'Tech',
  'sectorShort.care': 'Zorg',
  'sectorShort.government': 'Overheid',
  'sectorShort.knowledge': 'Kennis',
  'sectorShort.network': 'Netwerk',
  'sectorShort.finance': 'Financ.',
  'sectorShort.citizens': 'Burgers',
  'sectorShort.other': 'Overig',

  'findings.title': 'Belangrijkste bevindingen',
  'findings.kind.missing_bridge': 'Ontbrekende brug',
  'findings.kind.bridges_ok': 'Bruggen',
  'findings.kind.cluster_lacks': 'Clusters',
  'findings.kind.convener': 'Verbinder',
  'findings.kind.municipality': 'Gemeente',
  'findings.kind.method': 'Methode',

  'mixing.title': 'Banden tussen sectoren',
  'mixing.caption':
    'Per paar sectoren: waargenomen banden / banden die je bij toeval zou verwachten (als elke organisatie, met hetzelfde aantal partners, willekeurig partners koos); blauw is minder dan verwacht, wit zoals verwacht, oranje meer.',
  'mixing.tableTitle': 'Waargenomen en verwachte banden per paar sectoren',
  'mixing.cellTies_one': '{{count}} band tussen {{a}} en {{b}}',
  'mixing.cellTies_other': '{{count}} banden tussen {{a}} en {{b}}',
  'mixing.cellTiesWithin_one': '{{count}} band binnen {{a}}',
  'mixing.cellTiesWithin_other': '{{count}} banden binnen {{a}}',
  'mixing.cellExpected': 'verwacht bij toeval: {{expected}}',
  'mixing.cellNoExpected': 'geen verwachting (deze sectoren hebben geen banden)',
  'mixing.cellRatio': '{{ratio}} keer het verwachte aantal',
  'mixing.cellMissing': 'ontbrekende brug tussen doelsectoren',
  'mixing.missingTag': 'ontbreekt',
  'mixing.legendTitle': 'Waargenomen ÷ verwacht',
  'mixing.legendFewer': 'minder dan toeval',
  'mixing.legendMore': 'meer dan toeval',
  'mixing.legendMissing':
    'Ontbrekende brug: twee doelsectoren zonder banden, of met minder dan {{ratio}} keer het verwachte aantal.',
  'mixing.noneMissing': 'Tussen de doelsectoren ontbreekt geen brug.',

  'ei.title': 'Naar buiten of naar binnen gericht: E–I-index per sector',
  'ei.sector': 'Sector',
  'ei.external': 'Naar buiten (E)',
  'ei.internal': 'Binnen (I)',
  'ei.index': 'E–I',
  'ei.global': 'Hele netwerk',
  'ei.conventionEdgeCount':
    'E–I = (E − I) / (E + I), van −1 (alle banden binnen de sector) tot +1 (alle banden met andere sectoren). E telt de banden met precies één kant in de sector, I de banden met beide kanten erin; elke band telt één keer (conventie group_edge_count).',
  'ei.conventionMemberTies':
    'E–I = (E − I) / (E + I), van −1 (alle banden binnen de sector) tot +1 (alle banden met andere sectoren). E telt de banden met precies één kant in de sector, I de banden binnen de sector vanuit beide kanten, dus twee keer (conventie group_member_ties).',

  'reach.title': 'Hoe ver liggen de doelsectoren uit elkaar?',
  'reach.intro':
    'Voor elke organisatie telt de kortste keten van samenwerkingen naar de dichtstbijzijnde organisatie van de andere sector.',
  'reach.direct_one': '{{count}} van de {{from}} werkt rechtstreeks samen met {{to}}',
  'reach.direct_other': '{{count}} van de {{from}} werken rechtstreeks samen met {{to}}',
  'reach.two_one': '{{count}} bereikt er een binnen 2 stappen',
  'reach.two_other': '{{count}} bereiken er een binnen 2 stappen',
  'reach.mean': 'gemiddelde afstand {{mean}} stappen',
  'reach.noMean': 'geen enkele bereikt er een',
  'reach.unreachable_one': '{{count}} kan er via geen enkele keten een bereiken',
  'reach.unreachable_other': '{{count}} kunnen er via geen enkele keten een bereiken',
  'reach.ofCount': '{{x}} van {{n}}',

  'clusters.title': 'Clusters zonder doelsector',
  'clusters.kindLabel': 'Soort cluster',
  'clusters.kindCommunity': 'Gemeenschappen',
  'clusters.kindComponent': 'Netwerkdelen',
  'clusters.introCommunity':
    'Gemeenschappen zijn groepen die onderling veel meer samenwerken dan met de rest (Louvain-methode). Hieronder de groepen waarin minstens één doelsector ({{targets}}) ontbreekt, met de organisaties die banden buiten de groep hebben.',
  'clusters.introComponent':
    'Netwerkdelen hangen niet met elkaar samen: tussen twee delen loopt geen enkele keten van samenwerkingen. Hieronder de delen waarin minstens één doelsector ({{targets}}) ontbreekt.',
  'clusters.nounCommunity_one': 'cluster',
  'clusters.nounCommunity_other': 'clusters',
  'clusters.nounComponent_one': 'netwerkdeel',
  'clusters.nounComponent_other': 'netwerkdelen',
  'clusters.summary': '{{lacking}} van de {{considered}} {{clusters}} met minstens {{min}} organisaties missen een doelsector.',
  'clusters.small_one': 'Niet getoond: {{count}} kleiner {{cluster}} dat ook een doelsector mist.',
  'clusters.small_other':
    'Niet getoond: {{count}} kleinere {{clusters}} (samen {{organisations}} organisaties) die ook een doelsector missen.',
  'clusters.communityName': 'Cluster {{id}}',
  'clusters.componentName': 'Netwerkdeel {{id}}',
  'clusters.selectLabel': '{{name}} op de kaart tonen',
  'clusters.size_one': '{{count}} organisatie',
  'clusters.size_other': '{{count}} organisaties',
  'clusters.lacks': 'Mist:',
  'clusters.noSpanners': 'Geen banden met andere clusters.',
  'clusters.spanners_one': '{{count}} organisatie met banden naar buiten:',
  'clusters.spanners_other': '{{count}} organisaties met banden naar buiten:',
  'clusters.outsideTies_one': '{{count}} band met andere clusters',
  'clusters.outsideTies_other': '{{count}} banden met andere clusters',
  'clusters.moreSpanners_one': 'Toon er nog {{count}}',
  'clusters.moreSpanners_other': 'Toon er nog {{count}}',
  'clusters.notListed_one': 'En nog {{count}} organisatie, niet opgesomd.',
  'clusters.notListed_other': 'En nog {{count}} organisaties, niet opgesomd.',
  'clusters.showMore_one': 'Toon nog {{count}} {{cluster}}',
  'clusters.showMore_other': 'Toon nog {{count}} {{clusters}}',

  'suggest.title': 'Voorgestelde nieuwe banden',
  'suggest.intro':
    'Organisaties uit twee doelsectoren die nog niet samenwerken maar wel partners delen, gerangschikt op de resource-allocation-index: elke gedeelde partner telt mee, en een partner met weinig andere partners telt zwaarder.',
  'suggest.noPairs': 'Kies minstens twee doelsectoren om voorstellen te zien.',
  'suggest.none': 'Geen voorstellen: geen enkel paar deelt een partner.',
  'suggest.candidates_one': '{{count}} paar deelt minstens één partner.',
  'suggest.candidates_other': '{{count}} paren delen minstens één partner.',
  'suggest.and': 'en',
  'suggest.via': 'via {{partners}}',
  'suggest.morePartners_one': 'en nog {{count}}',
  'suggest.morePartners_other': 'en nog {{count}}',
  'suggest.score': 'score {{score}}',
  'suggest.scoreHelp':
    'Resource-allocation-index: de som over de gedeelde partners van 1 gedeeld door hun aantal partners.',
  'suggest.clusterTitle': 'Welke clusters verbinden?',
  'suggest.clusterIntro':
    'Paren clusters waarvan de een een doelsector heeft die de ander mist, met weinig of geen banden ertussen, en per cluster de organisatie die het best geplaatst is om de verbinding te leggen.',
  'suggest.clusterNone': 'Geen clusters die elkaar aanvullen en weinig banden hebben.',
  'suggest.clusterPair': 'Cluster {{a}} ↔ cluster {{b}}',
  'suggest.clusterTies_one': '{{count}} band',
  'suggest.clusterTies_other': '{{count}} banden',
  'suggest.offers': 'brengt {{sectors}};',
  'suggest.contact': 'beste contact:',

  'municipality.title': 'Positie van de gemeente',
  'municipality.intro_one':
    '{{count}} organisatie uit de sector {{sector}}. Afstand is het aantal stappen (samenwerkingen) tot de dichtstbijzijnde andere organisatie van elke sector.',
  'municipality.intro_other':
    '{{count}} organisaties uit de sector {{sector}}. Afstand is het aantal stappen (samenwerkingen) tot de dichtstbijzijnde andere organisatie van elke sector.',
  'municipality.none': 'Er zit geen organisatie uit de sector {{sector}} in het netwerk.',
  'municipality.tableCaption': 'Afstand in stappen tot de dichtstbijzijnde organisatie per sector',
  'municipality.organisation': 'Organisatie',
  'municipality.clustersColumn': 'Clusters bereikt',
  'municipality.tableNote':
    '1 = directe partner, 2 = partner van een partner; – = via geen enkele keten bereikbaar.',
  'municipality.unreachable': 'niet bereikbaar',
  'municipality.partners_one': '· {{count}} partner',
  'municipality.partners_other': '· {{count}} partners',
  'municipality.chainTo_one': 'Naar {{sector}} ({{count}} stap):',
  'municipality.chainTo_other': 'Naar {{sector}} ({{count}} stappen):',
  'municipality.noChain': 'Geen keten naar {{sector}}: niet bereikbaar.',
  'municipality.then': 'dan',
  'municipality.clusters': 'Bereikt {{reached}} van de {{total}} clusters.',
  'municipality.nearest': 'Dichtstbij:',
  'municipality.own': 'eigen cluster',
  'municipality.clusterChipLabel': '{{name}} op de kaart tonen ({{steps}} ver)',
  'municipality.moreClusters_one': 'en nog {{count}} cluster',
  'municipality.moreClusters_other': 'en nog {{count}} clusters',
  'municipality.showAllChains_one': 'Toon de ketens van de {{count}} organisatie',
  'municipality.showAllChains_other': 'Toon de ketens van alle {{count}} organisaties',

  'overview.titleSector': 'Sectoren en hun banden',
  'overview.titleCommunity': 'Clusters en hun banden',
  'overview.modeLabel': 'Weergave',
  'overview.modeSector': 'Sectoren',
  'overview.modeCommunity': 'Clusters',
  'overview.rest_one': 'Overig: {{count}} cluster',
  'overview.rest_other': 'Overig: {{count}} clusters',
  'overview.restShort': 'overig',
  'overview.ties_one': '{{count}} band',
  'overview.ties_other': '{{count}} banden',
  'overview.fewTies': 'weinig banden ({{observed}} / {{expected}})',
  'overview.fewTiesShort': 'weinig banden',
  'overview.organisations_one': '{{count}} organisatie',
  'overview.organisations_other': '{{count}} organisaties',
  'overview.summarySector':
    'Diagram van {{sectors}} sectoren met samen {{organisations}} organisaties en {{ties}} banden; cirkeloppervlak is het aantal organisaties, lijndikte het aantal banden.',
  'overview.summaryCommunity':
    'Diagram van de {{shown}} grootste clusters, plus {{rest}} kleinere samengenomen ({{organisations}} organisaties); cirkeloppervlak is het aantal organisaties, lijndikte het aantal banden, kleur de meest voorkomende sector.',
  'overview.summaryMissing': 'Ontbrekende bruggen (rode stippellijnen): {{list}}.',
  'overview.summaryNoMissing': 'Er zijn geen ontbrekende bruggen getekend.',
  'overview.legendEdge': 'Lijndikte: aantal banden',
  'overview.legendMissing': 'Ontbrekende brug tussen doelsectoren: geen of te weinig banden (waargenomen / verwacht)',
  'overview.legendMissingCommunity':
    'Clusters die elkaar aanvullen maar (bijna) geen banden hebben (waargenomen / verwacht)',
  'overview.legendSize': 'Oppervlak: aantal organisaties',
  'overview.legendSizeCommunity': 'Oppervlak: aantal organisaties; kleur: meest voorkomende sector',
  'overview.legendLacks': 'Rode stippelrand: het cluster mist een doelsector',
  'overview.legendRest': 'Kleinere clusters samengenomen',
  'overview.absent': 'Geen organisaties uit: {{sectors}}.',
  'overview.tableCaption': 'Het diagram als tabel: groepen',
  'overview.tableTiesCaption': 'Het diagram als tabel: banden tussen groepen',
  'overview.colSector': 'Sector',
  'overview.colCluster': 'Cluster',
  'overview.colOrganisations': 'Organisaties',
  'overview.colInternal': 'Banden binnen',
  'overview.colLacks': 'Mist',
  'overview.colPair': 'Tussen',
  'overview.colTies': 'Banden',
  'overview.colNote': 'Opmerking',
  'overview.missingNote': 'ontbrekende brug',

  'conveners.title': 'Verbinders kiezen',
  'conveners.method':
    'De verbinders worden één voor één gekozen: telkens de organisatie die de meeste nog niet bereikte organisaties uit de doelsectoren bereikt, met voorrang voor nieuwe sectoren en clusters (greedy key-player-bereik, Borgatti 2006).',
  'conveners.kLabel': 'Aantal verbinders',
  'conveners.kValue_one': '{{count}} verbinder',
  'conveners.kValue_other': '{{count}} verbinders',
  'conveners.reachLabel': 'Bereik van een verbinder',
  'conveners.reach1': '1 stap: de eigen partners',
  'conveners.reach2': '2 stappen: ook partners van partners',
  'conveners.stale': 'Wordt bijgewerkt… De lijst hieronder hoort nog bij {{k}} verbinders met een bereik van {{steps}}.',
  'conveners.none': 'Geen verbinder gevonden: geen enkele organisatie bereikt een doelsector.',
  'conveners.cumulative_one': '+{{added}} nieuw bereikt, samen {{count}} doelorganisatie',
  'conveners.cumulative_other': '+{{added}} nieuw bereikt, samen {{count}} doelorganisaties',
  'conveners.stoppedEarly_one': 'Na {{count}} keuze voegt geen enkele organisatie nog iets toe.',
  'conveners.stoppedEarly_other': 'Na {{count}} keuzes voegt geen enkele organisatie nog iets toe.',
  'conveners.coverageTitle_one': 'Wat deze verbinder bereikt',
  'conveners.coverageTitle_other': 'Wat deze {{count}} verbinders samen bereiken',
  'conveners.reachedTotal': '{{reached}} van de {{total}} organisaties in de doelsectoren ({{pct}}).',
  'conveners.allSectors': 'Alle doelsectoren worden bereikt.',
  'conveners.missingSectors': 'Niet bereikt: {{sectors}}.',
  'conveners.clusters': 'Ze raken {{clusters}} van de {{total}} clusters met een doelorganisatie.',
  'conveners.mReach': 'Binnen {{steps}} van een verbinder liggen {{count}} andere organisaties (m-bereik).',
  'conveners.showSuggested': 'Toon de kaart met de voorgestelde banden erbij',

  'broker.title': 'Positie in het netwerk',
  'broker.isolate':
    'Deze organisatie heeft geen partners in de gegevens, dus de meeste maten zijn niet gedefinieerd (–).',
  'broker.role': 'Rol',
  'broker.count': 'Aantal',

  'progress.label': 'Voortgang van de analyse',
  'progress.starting': 'Analyse wordt voorbereid…',
  'progress.stepOf': 'stap {{n}} van {{total}}',
  'progress.failed': 'De analyse is mislukt:',
  'progress.step.index': 'Netwerk inlezen',
  'progress.step.components': 'Losse netwerkdelen zoeken',
  'progress.step.communities': 'Clusters zoeken (Louvain)',
  'progress.step.mixing': 'Banden tussen sectoren tellen',
  'progress.step.structural-holes': 'Structurele gaten meten (Burt)',
  'progress.step.betweenness': 'Tussenposities berekenen',
  'progress.step.brokerage': 'Makelaarsrollen bepalen',
  'progress.step.cutpoints': 'Scharnierpunten en bruggen zoeken',
  'progress.step.conveners': 'Verbinders kiezen',
  'progress.step.suggestions': 'Nieuwe banden voorstellen',
  'progress.step.municipality': 'Positie van de gemeente bepalen',
  'progress.step.assemble': 'Resultaten samenstellen',
} as const;

export type AnalysisMessageKey = keyof typeof nl;

const en: Record<AnalysisMessageKey, string> = {
  'common.showFewer': 'Show fewer',
  'common.showAll_one': 'Show {{count}}',
  'common.showAll_other': 'Show all {{count}}',
  'common.steps_one': '{{count}} step',
  'common.steps_other': '{{count}} steps',

  'sectorShort.tech': 'Tech',
  'sectorShort.care': 'Care',
  'sectorShort.government': 'Gov.',
  'sectorShort.knowledge': 'Knowl.',
  'sectorShort.network': 'Network',
  'sectorShort.finance': 'Finance',
  'sectorShort.citizens': 'Citizens',
  'sectorShort.other': 'Other',

  'findings.title': 'Key findings',
  'findings.kind.missing_bridge': 'Missing bridge',
  'findings.kind.bridges_ok': 'Bridges',
  'findings.kind.cluster_lacks': 'Clusters',
  'findings.kind.convener': 'Convener',
  'findings.kind.municipality': 'Municipality',
  'findings.kind.method': 'Method',

  'mixing.title': 'Ties between sectors',
  'mixing.caption':
    'For each pair of sectors: observed ties / ties expected by chance (if every organisation, keeping its number of partners, chose partners at random); blue is fewer than expected, white as expected, orange more.',
  'mixing.tableTitle': 'Observed and expected ties per pair of sectors',
  'mixing.cellTies_one': '{{count}} tie between {{a}} and {{b}}',
  'mixing.cellTies_other': '{{count}} ties between {{a}} and {{b}}',
  'mixing.cellTiesWithin_one': '{{count}} tie within {{a}}',
  'mixing.cellTiesWithin_other': '{{count}} ties within {{a}}',
  'mixing.cellExpected': 'expected by chance: {{expected}}',
  'mixing.cellNoExpected': 'no expectation (these sectors have no ties)',
  'mixing.cellRatio': '{{ratio}} times the expected number',
  'mixing.cellMissing': 'missing bridge between target sectors',
  'mixing.missingTag': 'missing',
  'mixing.legendTitle': 'Observed ÷ expected',
  'mixing.legendFewer': 'fewer than chance',
  'mixing.legendMore': 'more than chance',
  'mixing.legendMissing':
    'Missing bridge: two target sectors with no ties, or fewer than {{ratio}} times the expected number.',
  'mixing.noneMissing': 'No bridge is missing between the target sectors.',

  'ei.title': 'Outward or inward looking: E–I index per sector',
  'ei.sector': 'Sector',
  'ei.external': 'Outside (E)',
  'ei.internal': 'Inside (I)',
  'ei.index': 'E–I',
  'ei.global': 'Whole network',
  'ei.conventionEdgeCount':
    'E–I = (E − I) / (E + I), from −1 (all ties inside the sector) to +1 (all ties with other sectors). E counts the ties with exactly one end in the sector, I the ties with both ends in it; each tie counts once (convention group_edge_count).',
  'ei.conventionMemberTies':
    'E–I = (E − I) / (E + I), from −1 (all ties inside the sector) to +1 (all ties with other sectors). E counts the ties with exactly one end in the sector, I the ties inside the sector from both ends, so twice (convention group_member_ties).',

  'reach.title': 'How far apart are the target sectors?',
  'reach.intro':
    'For each organisation, what counts is the shortest chain of collaborations to the nearest organisation of the other sector.',
  'reach.direct_one': '{{count}} of the {{from}} works directly with {{to}}',
  'reach.direct_other': '{{count}} of the {{from}} work directly with {{to}}',
  'reach.two_one': '{{count}} reaches one within 2 steps',
  'reach.two_other': '{{count}} reach one within 2 steps',
  'reach.mean': 'mean distance {{mean}} steps',
  'reach.noMean': 'none reaches one',
  'reach.unreachable_one': '{{count}} cannot reach one through any chain',
  'reach.unreachable_other': '{{count}} cannot reach one through any chain',
  'reach.ofCount': '{{x}} of {{n}}',

  'clusters.title': 'Clusters lacking a target sector',
  'clusters.kindLabel': 'Kind of cluster',
  'clusters.kindCommunity': 'Communities',
  'clusters.kindComponent': 'Components',
  'clusters.introCommunity':
    'Communities are groups that work together much more with each other than with the rest (Louvain method). Below are the groups in which at least one target sector ({{targets}}) is missing, with the organisations that have ties outside the group.',
  'clusters.introComponent':
    'Components are not connected to each other: no chain of collaborations runs between two of them. Below are the components in which at least one target sector ({{targets}}) is missing.',
  'clusters.nounCommunity_one': 'cluster',
  'clusters.nounCommunity_other': 'clusters',
  'clusters.nounComponent_one': 'component',
  'clusters.nounComponent_other': 'components',
  'clusters.summary': '{{lacking}} of the {{considered}} {{clusters}} with at least {{min}} organisations lack a target sector.',
  'clusters.small_one': 'Not listed: {{count}} smaller {{cluster}} that also lacks a target sector.',
  'clusters.small_other':
    'Not listed: {{count}} smaller {{clusters}} ({{organisations}} organisations together) that also lack a target sector.',
  'clusters.communityName': 'Cluster {{id}}',
  'clusters.componentName': 'Component {{id}}',
  'clusters.selectLabel': 'Show {{name}} on the map',
  'clusters.size_one': '{{count}} organisation',
  'clusters.size_other': '{{count}} organisations',
  'clusters.lacks': 'Lacks:',
  'clusters.noSpanners': 'No ties to other clusters.',
  'clusters.spanners_one': '{{count}} organisation with ties outside:',
  'clusters.spanners_other': '{{count}} organisations with ties outside:',
  'clusters.outsideTies_one': '{{count}} tie to other clusters',
  'clusters.outsideTies_other': '{{count}} ties to other clusters',
  'clusters.moreSpanners_one': 'Show {{count}} more',
  'clusters.moreSpanners_other': 'Show {{count}} more',
  'clusters.notListed_one': '{{count}} more organisation, not listed.',
  'clusters.notListed_other': '{{count}} more organisations, not listed.',
  'clusters.showMore_one': 'Show {{count}} more {{cluster}}',
  'clusters.showMore_other': 'Show {{count}} more {{clusters}}',

  'suggest.title': 'Suggested new ties',
  'suggest.intro':
    'Organisations from two target sectors that do not work together yet but share partners, ranked by the resource allocation index: every shared partner counts, and a partner with few other partners counts more.',
  'suggest.noPairs': 'Choose at least two target sectors to see suggestions.',
  'suggest.none': 'No suggestions: no pair shares a partner.',
  'suggest.candidates_one': '{{count}} pair shares at least one partner.',
  'suggest.candidates_other': '{{count}} pairs share at least one partner.',
  'suggest.and': 'and',
  'suggest.via': 'via {{partners}}',
  'suggest.morePartners_one': 'and {{count}} more',
  'suggest.morePartners_other': 'and {{count}} more',
  'suggest.score': 'score {{score}}',
  'suggest.scoreHelp':
    'Resource allocation index: the sum over the shared partners of 1 divided by their number of partners.',
  'suggest.clusterTitle': 'Which clusters to link?',
  'suggest.clusterIntro':
    'Pairs of clusters where one has a target sector the other lacks and with few or no ties between them, with, in each cluster, the organisation best placed to make the link.',
  'suggest.clusterNone': 'No clusters that complement each other and have few ties.',
  'suggest.clusterPair': 'Cluster {{a}} ↔ cluster {{b}}',
  'suggest.clusterTies_one': '{{count}} tie',
  'suggest.clusterTies_other': '{{count}} ties',
  'suggest.offers': 'brings {{sectors}};',
  'suggest.contact': 'best contact:',

  'municipality.title': "The municipality's position",
  'municipality.intro_one':
    '{{count}} organisation in the {{sector}} sector. Distance is the number of steps (collaborations) to the nearest other organisation of each sector.',
  'municipality.intro_other':
    '{{count}} organisations in the {{sector}} sector. Distance is the number of steps (collaborations) to the nearest other organisation of each sector.',
  'municipality.none': 'There is no organisation of the {{sector}} sector in the network.',
  'municipality.tableCaption': 'Distance in steps to the nearest organisation of each sector',
  'municipality.organisation': 'Organisation',
  'municipality.clustersColumn': 'Clusters reached',
  'municipality.tableNote': '1 = direct partner, 2 = partner of a partner; – = not reachable through any chain.',
  'municipality.unreachable': 'not reachable',
  'municipality.partners_one': '· {{count}} partner',
  'municipality.partners_other': '· {{count}} partners',
  'municipality.chainTo_one': 'To {{sector}} ({{count}} step):',
  'municipality.chainTo_other': 'To {{sector}} ({{count}} steps):',
  'municipality.noChain': 'No chain to {{sector}}: not reachable.',
  'municipality.then': 'then',
  'municipality.clusters': 'Reaches {{reached}} of the {{total}} clusters.',
  'municipality.nearest': 'Nearest:',
  'municipality.own': 'own cluster',
  'municipality.clusterChipLabel': 'Show {{name}} on the map ({{steps}} away)',
  'municipality.moreClusters_one': 'and {{count}} more cluster',
  'municipality.moreClusters_other': 'and {{count}} more clusters',
  'municipality.showAllChains_one': 'Show the chains of the {{count}} organisation',
  'municipality.showAllChains_other': 'Show the chains of all {{count}} organisations',

  'overview.titleSector': 'Sectors and their ties',
  'overview.titleCommunity': 'Clusters and their ties',
  'overview.modeLabel': 'View',
  'overview.modeSector': 'Sectors',
  'overview.modeCommunity': 'Clusters',
  'overview.rest_one': 'Other: {{count}} cluster',
  'overview.rest_other': 'Other: {{count}} clusters',
  'overview.restShort': 'other',
  'overview.ties_one': '{{count}} tie',
  'overview.ties_other': '{{count}} ties',
  'overview.fewTies': 'few ties ({{observed}} / {{expected}})',
  'overview.fewTiesShort': 'few ties',
  'overview.organisations_one': '{{count}} organisation',
  'overview.organisations_other': '{{count}} organisations',
  'overview.summarySector':
    'Diagram of {{sectors}} sectors with {{organisations}} organisations and {{ties}} ties in all; circle area is the number of organisations, line width the number of ties.',
  'overview.summaryCommunity':
    'Diagram of the {{shown}} largest clusters, plus {{rest}} smaller ones combined ({{organisations}} organisations); circle area is the number of organisations, line width the number of ties, colour the most common sector.',
  'overview.summaryMissing': 'Missing bridges (dashed red lines): {{list}}.',
  'overview.summaryNoMissing': 'No missing bridges are drawn.',
  'overview.legendEdge': 'Line width: number of ties',
  'overview.legendMissing': 'Missing bridge between target sectors: no or too few ties (observed / expected)',
  'overview.legendMissingCommunity': 'Clusters that complement each other but have (almost) no ties (observed / expected)',
  'overview.legendSize': 'Area: number of organisations',
  'overview.legendSizeCommunity': 'Area: number of organisations; colour: most common sector',
  'overview.legendLacks': 'Dashed red outline: the cluster lacks a target sector',
  'overview.legendRest': 'Smaller clusters combined',
  'overview.absent': 'No organisations from: {{sectors}}.',
  'overview.tableCaption': 'The diagram as a table: groups',
  'overview.tableTiesCaption': 'The diagram as a table: ties between groups',
  'overview.colSector': 'Sector',
  'overview.colCluster': 'Cluster',
  'overview.colOrganisations': 'Organisations',
  'overview.colInternal': 'Ties inside',
  'overview.colLacks': 'Lacks',
  'overview.colPair': 'Between',
  'overview.colTies': 'Ties',
  'overview.colNote': 'Note',
  'overview.missingNote': 'missing bridge',

  'conveners.title': 'Choosing conveners',
  'conveners.method':
    'Conveners are chosen one at a time: each time the organisation that reaches the most target-sector organisations not yet reached, with priority for new sectors and clusters (greedy key-player reach, Borgatti 2006).',
  'conveners.kLabel': 'Number of conveners',
  'conveners.kValue_one': '{{count}} convener',
  'conveners.kValue_other': '{{count}} conveners',
  'conveners.reachLabel': "A convener's reach",
  'conveners.reach1': '1 step: its own partners',
  'conveners.reach2': '2 steps: partners of partners too',
  'conveners.stale': 'Updating… The list below is still for {{k}} conveners with a reach of {{steps}}.',
  'conveners.none': 'No convener found: no organisation reaches a target sector.',
  'conveners.cumulative_one': '+{{added}} newly reached, {{count}} target organisation in all',
  'conveners.cumulative_other': '+{{added}} newly reached, {{count}} target organisations in all',
  'conveners.stoppedEarly_one': 'After {{count}} pick, no organisation adds anything more.',
  'conveners.stoppedEarly_other': 'After {{count}} picks, no organisation adds anything more.',
  'conveners.coverageTitle_one': 'What this convener reaches',
  'conveners.coverageTitle_other': 'What these {{count}} conveners reach together',
  'conveners.reachedTotal': '{{reached}} of the {{total}} target-sector organisations ({{pct}}).',
  'conveners.allSectors': 'Every target sector is reached.',
  'conveners.missingSectors': 'Not reached: {{sectors}}.',
  'conveners.clusters': 'They touch {{clusters}} of the {{total}} clusters with a target organisation.',
  'conveners.mReach': '{{count}} other organisations lie within {{steps}} of a convener (m-reach).',
  'conveners.showSuggested': 'Show the map with the suggested ties added',

  'broker.title': 'Position in the network',
  'broker.isolate': 'This organisation has no partners in the data, so most measures are undefined (–).',
  'broker.role': 'Role',
  'broker.count': 'Count',

  'progress.label': 'Analysis progress',
  'progress.starting': 'Preparing the analysis…',
  'progress.stepOf': 'step {{n}} of {{total}}',
  'progress.failed': 'The analysis failed:',
  'progress.step.index': 'Reading the network',
  'progress.step.components': 'Finding separate parts of the network',
  'progress.step.communities': 'Finding clusters (Louvain)',
  'progress.step.mixing': 'Counting ties between sectors',
  'progress.step.structural-holes': 'Measuring structural holes (Burt)',
  'progress.step.betweenness': 'Computing betweenness',
  'progress.step.brokerage': 'Counting brokerage roles',
  'progress.step.cutpoints': 'Finding articulation points and bridges',
  'progress.step.conveners': 'Choosing conveners',
  'progress.step.suggestions': 'Suggesting new ties',
  'progress.step.municipality': "Describing the municipality's position",
  'progress.step.assemble': 'Assembling the results',
};

export const analysisMessages: { nl: Record<AnalysisMessageKey, string>; en: Record<AnalysisMessageKey, string> } = {
  nl,
  en,
};

/** Keys that have _one/_other forms, without the suffix. */
export type PluralKey = {
  [K in AnalysisMessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends AnalysisMessageKey ? B : never) : never;
}[AnalysisMessageKey];

export type MessageVars = Record<string, string | number>;

/** Replaces `{{name}}`; numbers are formatted for the language. Unknown names are left as written. */
export function interpolate(template: string, vars: MessageVars | undefined, lang: AnalysisLang): string {
  if (!vars) return template;
  const f = numberFormatters(lang);
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? f.dec(v, 2) : v;
  });
}

export function translate(lang: AnalysisLang, key: AnalysisMessageKey, vars?: MessageVars): string {
  return interpolate(analysisMessages[lang][key] ?? analysisMessages.nl[key] ?? key, vars, lang);
}

/** The `_one` form for 1, `_other` otherwise; `{{count}}` is the formatted count. */
export function translatePlural(lang: AnalysisLang, key: PluralKey, count: number, vars?: MessageVars): string {
  const form = (count === 1 ? `${key}_one` : `${key}_other`) as AnalysisMessageKey;
  return translate(lang, form, { ...vars, count: numberFormatters(lang).int(count) });
}

export interface AnalysisText {
  lang: AnalysisLang;
  t(key: AnalysisMessageKey, vars?: MessageVars): string;
  tp(key: PluralKey, count: number, vars?: MessageVars): string;
  fmt: NumberFormatters;
  /** The sector's full name (SECTOR_INFO). */
  sector(s: string): string;
  /** A short name for column headers and the diagram. */
  sectorShort(s: string): string;
}

/** The text helpers for a language, without React (for tests and non-React callers). */
export function analysisText(lang: AnalysisLang): AnalysisText {
  const table = analysisMessages[lang] as Record<string, string>;
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    tp: (key, count, vars) => translatePlural(lang, key, count, vars),
    fmt: numberFormatters(lang),
    sector: (s) => sectorLabel(s, lang),
    sectorShort: (s) => table[`sectorShort.${s}`] ?? sectorLabel(s, lang),
  };
}

/** Text helpers for the current i18next language (Dutch unless it is English). */
export function useAnalysisText(): AnalysisText {
  const { i18n } = useTranslation();
  const lang = toAnalysisLang(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => analysisText(lang), [lang]);
}
