// Dutch (nl-BE) interface text: the authoring section of the catalogue.
export const authoring = {
	statisticsLink: 'Itemstatistieken',
	statisticsLinkIntro:
		'Zie welke oefeningen te makkelijk of te moeilijk zijn of slecht onderscheiden.',
	statisticsTitle: 'Itemstatistieken',
	statisticsIntro:
		'Per oefening: hoe lerenden ze de eerste keer beantwoordden. Alleen de eerste poging telt; namen en losse antwoorden zie je hier nooit.',
	allModules: 'Alle modules',
	filterLabel: 'Module',
	filterButton: 'Tonen',
	unknownModule: 'Deze module bestaat niet. Kies een module uit de lijst.',
	noResponses: 'Nog geen antwoorden op deze module.',
	tooFewLearners:
		'Te weinig deelnemers om cijfers te tonen. Vanaf 5 deelnemers van je organisatie zie je hier cijfers.',
	caption: (title: string) => `Itemstatistieken voor ${title}`,
	step: 'Stap',
	item: 'Oefening',
	responses: 'Antwoorden',
	facility: 'Facility-index',
	standardDeviation: 'Standaardafwijking',
	discrimination: 'Discriminatie-index',
	efficiency: 'Discriminerende efficiëntie',
	signals: 'Signaal',
	choices: 'Gekozen antwoorden',
	choiceNode: 'keuzemoment',
	noFlag: '—',
	notAvailable: 'n.v.t.',
	flags: {
		'too-easy': 'te makkelijk',
		'too-hard': 'te moeilijk',
		'poor-discrimination': 'onderscheidt slecht'
	},
	explanation:
		'Facility-index: gemiddelde score als deel van de maximumscore. Discriminatie-index: samenhang tussen de score op deze oefening en de score op de rest van de test (correlatie). Discriminerende efficiëntie: die samenhang ten opzichte van de hoogst mogelijke. Signalen: te makkelijk boven 90 %, te moeilijk onder 30 %, onderscheidt slecht onder 30 %.',
	// ---- Authoring domain (src/lib/server/authoring and /auteur): version change lines and the
	// Markdown a shipped lesson component becomes in a duplicated draft.

	/** The change list of a published version (structured values from authoring/changes.ts). */
	changes: {
		meta: {
			title: 'Titel',
			summary: 'Samenvatting',
			audience: 'Doelgroep',
			minutes: 'Geschatte duur',
			passMark: 'Slaaggrens',
			certificate: 'Geldigheid van het attest',
			sources: 'Bronnen'
		},
		metaChanged: (label: string) => `${label} gewijzigd.`,
		first: 'Eerste versie.',
		firstBasedOn: (title: string, version: number) =>
			`Eerste versie, gebaseerd op "${title}" (versie ${version}).`,
		introduction: 'Inleiding gewijzigd.',
		stepAdded: (title: string) => `Stap "${title}" toegevoegd.`,
		stepChanged: (title: string, parts: string) => `Stap "${title}": ${parts}.`,
		stepRemoved: (title: string) => `Stap "${title}" verwijderd.`,
		order: 'Volgorde van de stappen gewijzigd.',
		none: 'Geen inhoudelijke wijzigingen.',
		newTitle: (was: string) => `nieuwe titel (was "${was}")`,
		stepKind: 'ander soort stap',
		required: 'verplicht of niet gewijzigd',
		text: 'tekst gewijzigd',
		vignette: (detail: string) => `casus: ${detail}`,
		quiz: (detail: string) => `oefenvragen: ${detail}`,
		assessment: (detail: string) => `eindtoets: ${detail}`,
		changed: 'gewijzigd',
		newStart: 'ander begin',
		draw: (from: string, to: string) => `trekking ${from} → ${to} vragen`,
		added: (what: string) => `${what} toegevoegd`,
		removed: (what: string) => `${what} verwijderd`,
		changedCount: (what: string) => `${what} gewijzigd`,
		nodes: (n: number) => `${n} ${n === 1 ? 'situatie' : 'situaties'}`,
		endings: (n: number) => `${n} ${n === 1 ? 'einde' : 'eindes'}`,
		items: (n: number) => `${n} ${n === 1 ? 'vraag' : 'vragen'}`
	},

	/** Shipped lesson components as Markdown (authoring/bundle/lesson-markdown.ts). */
	lessonMarkdown: {
		phasesTitle: 'De vier fasen',
		phases: [
			[
				'Ronselen',
				'De dader zoekt contact met een jongere, online of op plaatsen waar jongeren samenkomen, en kiest vaak iemand die kwetsbaar is.'
			],
			[
				'Inpalmen',
				'Met aandacht, cadeaus, geld, status of net met druk en dreiging maakt de dader de jongere afhankelijk van zich.'
			],
			[
				'Isoleren',
				'De jongere raakt los van familie, vrienden en school, zodat de dader de belangrijkste of enige houvast wordt.'
			],
			[
				'Uitbuiten',
				'De dader dwingt de jongere tot seksuele handelingen of prostitutie en houdt haar of hem vast met schuld, schaamte of geweld.'
			]
		],
		phasesNote:
			'Let op: de volgorde en de snelheid verschillen van jongere tot jongere. Fasen kunnen door elkaar lopen of overgeslagen worden.',
		helpLineTitle: 'Zelf geraakt of ongerust over een jongere?',
		helpLine:
			'Bel **Child Focus** op 116 000 of mail naar 116000@childfocus.org: gratis, dag en nacht, anoniem kan.',
		emergency: 'Is er acuut gevaar? Bel de politie op 101 of het noodnummer 112.'
	}
} as const;
