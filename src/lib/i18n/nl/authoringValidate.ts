// Dutch (nl-BE) interface text: the authoringValidate section of the catalogue. What the editor
// says beside a field of a draft that cannot be published yet (src/lib/server/authoring/validate.ts).
const kebab = (example: string) =>
	`Gebruik alleen kleine letters, cijfers en losse streepjes (bijvoorbeeld: ${example}).`;

export const authoringValidate = {
	duplicateId: (id: string) => `De code "${id}" komt twee keer voor; kies een andere.`,
	nodeAndEnding: (id: string) => `De code "${id}" is zowel een situatie als een einde.`,
	unknownNode: (id: string) => `"${id}" bestaat niet. Kies een situatie of een einde uit de casus.`,
	unreachable: 'Niet te bereiken vanaf het begin van de casus.',
	deadEnd: 'Doodlopend: vanaf hier komt de lezer bij geen enkel einde (of blijft in een kring).',
	endings: (n: string, has: string) =>
		`Een casus heeft minstens ${n} bereikbare eindes nodig; nu ${has}.`,
	decisionPoints: (has: string, n: string) =>
		`De langste weg door de casus heeft ${has} keuzemomenten; minstens ${n} nodig.`,
	twoChoices: 'Geef minstens 2 keuzes.',
	twoOptions: 'Geef minstens 2 antwoordmogelijkheden.',
	exactlyOne: (n: string) => `Precies één antwoord moet juist zijn; nu ${n}.`,
	atLeastOneCorrect: 'Duid minstens één juist antwoord aan.',
	twoPhrases: 'Duid minstens 2 stukjes tekst aan.',
	phraseWithSignal: 'Minstens één aangeduid stukje moet een signaal zijn.',
	phraseDistractor: 'Minstens één aangeduid stukje moet géén signaal zijn (een afleider).',
	phraseMissing: (text: string) => `"${text}" staat niet letterlijk in de tekst.`,
	phraseTwice: (text: string) => `"${text}" staat meer dan eens in de tekst.`,
	phraseOverlap: (id: string) => `Overlapt met het stukje "${id}".`,
	twoStatements: 'Geef minstens 2 uitspraken.',
	twoSignals: 'Kies minstens 2 signalen.',
	poolSize: (has: string, n: string) =>
		`De vragenbank heeft ${has} vragen; nodig is minstens 2 x het aantal getrokken vragen = ${n}.`,
	between01: 'Geef een getal tussen 0 en 1 (bijvoorbeeld 0.7).',
	kebabCase: kebab('mijn-casus'),
	kebabModule: kebab('mijn-module'),
	kebabStep: kebab('eerste-les'),
	required: 'Vul dit in.',
	wholeNumber: 'Geef een geheel getal.',
	wrongShape: 'Dit heeft niet de juiste vorm.',
	minChars: (min: number) => `Gebruik minstens ${min} tekens.`,
	addAtLeast: (min: number) => `Voeg er minstens ${min} toe.`,
	atLeast: (min: number) => `Geef minstens ${min}.`,
	maxChars: (max: number) => `Gebruik hoogstens ${max} tekens.`,
	atMostItems: (max: number) => `Hoogstens ${max}.`,
	atMost: (max: number) => `Geef hoogstens ${max}.`,
	oneOf: 'Kies een van de mogelijkheden.',
	url: 'Geef een webadres dat met http:// of https:// begint.',
	unknownField: (keys: string) => `Onbekend veld: ${keys}.`,
	other: 'Dit klopt niet. Controleer dit veld.',
	slugTaken: 'Deze webnaam is al in gebruik; kies een andere.',
	noRefresher: 'Een eigen module kan (nog) geen opfrissing van een attest zijn of hebben.',
	noSteps: 'Voeg minstens één stap toe.',
	reservedStep: 'De webnaam "voortoets" is voorbehouden voor de voortoets; kies een andere.',
	sameStepSlug: 'Twee stappen hebben dezelfde webnaam.',
	unknownSignal: (id: string) => `Onbekend signaal "${id}".`,
	pretestTooLarge: (pretest: number, pool: number) =>
		`De voortoets trekt ${pretest} vragen, maar de vragenbank van de eindtoets heeft er maar ${pool}.`,
	itemIdTaken: (id: string) =>
		`De code "${id}" wordt al gebruikt door een vraag in een andere stap.`,
	noAssessment: 'Een module eindigt met één eindtoets: voeg een stap van het soort eindtoets toe.',
	secondAssessment: 'Een module heeft maar één eindtoets.',
	assessmentLast: 'De eindtoets moet de laatste stap zijn.'
} as const;
