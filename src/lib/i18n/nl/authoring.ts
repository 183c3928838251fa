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
		'Facility-index: gemiddelde score als deel van de maximumscore. Discriminatie-index: samenhang tussen de score op deze oefening en de score op de rest van de test (correlatie). Discriminerende efficiëntie: die samenhang ten opzichte van de hoogst mogelijke. Signalen: te makkelijk boven 90 %, te moeilijk onder 30 %, onderscheidt slecht onder 30 %.'
} as const;
