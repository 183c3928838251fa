// Dutch (nl-BE) interface text: the authoringZip section of the catalogue.
export const authoringZip = {
	exportLink: 'Exporteer als zip',
	exportLinkFor: (title: string) => `Exporteer ${title} als zip`,
	importLink: 'Module importeren',
	importLinkIntro: 'Maak een nieuw concept van een module die als zip-archief werd geëxporteerd.',
	importTitle: 'Module importeren',
	importIntro:
		'Laad een module op als zip-archief in het bestandsformaat van Signaalwijs, bijvoorbeeld een archief dat je eerder met "Exporteer als zip" maakte. We controleren het archief en de inhoud. Is alles in orde, dan wordt het een nieuw concept dat je daarna kunt bewerken.',
	fileLabel: 'Zip-archief',
	fileHint: (kb: number) =>
		`Een .zip-bestand van hoogstens ${kb} KB met één module: een map met index.md en per stap een map met index.md en eventueel vignette.yaml of quiz.yaml.`,
	submit: 'Importeren',
	failed: 'Het archief kon niet worden geïmporteerd. Pas het aan en probeer opnieuw.',
	summary: (count: number) =>
		count === 1
			? 'er is 1 probleem, zie bij het veld'
			: `er zijn ${count} problemen, zie bij het veld`,
	back: 'Terug naar de auteursomgeving',
	noFile: 'Kies een zip-bestand om te importeren.',
	uploadTooLarge: (kb: number) =>
		`Het bestand is groter dan ${kb} KB. Een module-archief is meestal veel kleiner; controleer of je het juiste bestand koos.`,
	notZip:
		'Dit bestand is geen zip-archief. Kies een .zip-bestand, bijvoorbeeld een dat je met "Exporteer als zip" maakte.',
	corrupt:
		'Het zip-archief is beschadigd of onvolledig. Exporteer de module opnieuw en probeer het nog eens.',
	unsupported: (feature: string) =>
		`Het zip-archief gebruikt iets wat we niet ondersteunen (${feature}). Maak het archief opnieuw, zonder wachtwoord.`,
	tooManyEntries: (count: number, max: number) =>
		`Het archief bevat ${count} bestanden en mappen; het maximum is ${max}.`,
	tooLarge: (mb: number) =>
		`Het archief is uitgepakt groter dan ${mb} MB. Dat is te groot voor één module.`,
	fileTooLarge: (name: string, kb: number) =>
		`${name}: dit bestand is uitgepakt groter dan ${kb} KB.`,
	markdownTooLong: (name: string, chars: number) =>
		`${name}: de tekst van deze les is langer dan ${chars.toLocaleString('nl-BE')} tekens. Maak de les korter of verdeel ze over meer stappen.`,
	traversal: (name: string) =>
		`${name}: het pad bevat "..". Zo'n pad kan buiten de module wijzen; dat weigeren we.`,
	absolute: (name: string) =>
		`${name}: dit is een absoluut pad. Paden in het archief beginnen bij de map van de module.`,
	backslash: (name: string) =>
		`${name}: het pad bevat een backslash (\\). Gebruik alleen gewone schuine strepen (/).`,
	badName: (name: string) => `${name}: deze bestandsnaam is ongeldig.`,
	symlink: (name: string) =>
		`${name}: dit is een symbolische koppeling (symlink). Een archief mag alleen gewone bestanden bevatten.`,
	duplicate: (name: string) => `${name}: dit bestand staat twee keer in het archief.`,
	notAllowed: (name: string) =>
		`${name}: dit bestand hoort niet in een module-archief. Toegestaan zijn alleen index.md, vignette.yaml, quiz.yaml en signals.yaml, op hun vaste plaats.`,
	noModule: 'Het archief bevat geen module: verwacht is één map met een index.md.',
	severalModules: (names: string) =>
		`Het archief bevat meer dan één module (${names}). Importeer één module tegelijk.`,
	moreProblems: (count: number) =>
		`En nog ${count} ${count === 1 ? 'ander probleem' : 'andere problemen'}.`,
	inFile: (file: string, field: string, message: string) =>
		field ? `${file}, veld ${field}: ${message}.` : `${file}: ${message}.`,
	content: {
		fileTooLarge: (kb: string, max: string) =>
			`het bestand is te groot (${kb} KB); het maximum is ${max} KB`,
		bom: 'het bestand begint met een byte order mark (BOM); bewaar het als UTF-8 zonder BOM',
		notUtf8: (line: string) =>
			`het bestand is geen geldige UTF-8 (eerste ongeldige byte op regel ${line}); bewaar het als UTF-8`,
		yamlTag: (tag: string) =>
			`YAML-tags zoals ${tag} zijn niet toegestaan; schrijf gewone tekst, getallen en lijsten`,
		yamlAliases: (max: string) =>
			`te veel YAML-aliassen (meer dan ${max} uitgeklapt); aliassen zijn alleen voor klein hergebruik`,
		yamlInvalid: (where: string) =>
			where
				? `ongeldige YAML op ${where}`
				: 'ongeldige YAML; controleer inspringing en aanhalingstekens',
		where: (line: string, column: string) => `regel ${line}, kolom ${column}`,
		frontMatterMissing: 'de front matter ontbreekt: het bestand moet beginnen met een regel "---"',
		frontMatterLanguage: (opening: string) =>
			`de front matter moet openen met alleen "---"; "${opening}" weigeren we, alleen YAML is toegestaan`,
		frontMatterOpen: 'de front matter is niet afgesloten: zet er een regel "---" na',
		frontMatterMapping: 'de front matter moet bestaan uit sleutels met waarden',
		missing: 'dit bestand ontbreekt',
		unexpectedFile: 'dit bestand hoort hier niet',
		folderName:
			'de mapnaam moet <nn>-<slug> zijn: twee cijfers, een streepje, dan kleine letters, cijfers en streepjes',
		slugUsed: (slug: string, other: string) => `de naam "${slug}" wordt ook gebruikt door ${other}`,
		numberUsed: (nn: string, other: string) => `het nummer ${nn} wordt ook gebruikt door ${other}`,
		unknownSignal: (id: string) =>
			`onbekend signaal "${id}": het staat niet in de signalenlijst van het platform`,
		duplicateSignal: (id: string) => `het signaal "${id}" staat er twee keer in`,
		onlyVignette: (kind: string) =>
			`alleen een casusstap heeft een vignette.yaml; deze stap is kind: ${kind}`,
		onlyQuiz: (kind: string) =>
			`alleen een oefen- of toetsstap heeft een quiz.yaml; deze stap is kind: ${kind}`,
		needsVignette:
			'een casusstap (kind: vignette) heeft een vignette.yaml naast zijn index.md nodig',
		needsQuiz: (kind: string) =>
			`een stap met kind: ${kind} heeft een quiz.yaml naast zijn index.md nodig`,
		quizNotPool:
			'een oefenstap zet zijn vragen onder items:; draw en pool zijn voor kind: assessment',
		assessmentNotItems: 'een eindtoets heeft draw: en pool: nodig; items: is voor kind: quiz',
		duplicateItem: (id: string, other: string) =>
			`de id "${id}" van deze oefening wordt ook gebruikt in ${other}`,
		noSteps: 'de module heeft geen stappen',
		pretestTooLarge: (n: string, pool: string) =>
			`de voortoets trekt ${n} vragen, maar de vragenbank van de eindtoets heeft er maar ${pool}`,
		reservedStep:
			'de stapnaam "voortoets" is voorbehouden voor de voortoets; geef de map een andere naam',
		noAssessment: 'de module heeft geen eindtoets; de laatste stap moet kind: assessment zijn',
		secondAssessment: 'een module heeft precies één eindtoets; dit is een tweede',
		assessmentLast: 'de eindtoets moet de laatste stap van de module zijn',
		kebab: 'gebruik alleen kleine letters en cijfers, gescheiden door één streepje',
		between01: 'moet tussen 0 en 1 liggen',
		duplicateId: (id: string) => `de id "${id}" komt twee keer voor`,
		atLeast: (n: string, what: string) => `heeft minstens ${n} ${what} nodig`,
		things: {
			choices: 'keuzes',
			options: 'opties',
			phrases: 'zinsdelen',
			statements: 'uitspraken',
			signals: 'signalen',
			characters: 'tekens',
			items: 'elementen'
		} as Record<string, string>,
		nodeAndEnding: (id: string) => `de id "${id}" wordt gebruikt door een knooppunt én een einde`,
		unknownNode: (id: string) => `onbekend knooppunt "${id}"`,
		unreachable: 'is niet bereikbaar vanaf start',
		deadEnd:
			'vanaf dit knooppunt is geen einde bereikbaar (een doodlopend pad of een kring zonder uitweg)',
		endings: (n: string, has: string) => `heeft minstens ${n} bereikbare eindes nodig, nu ${has}`,
		decisionPoints: (has: string, n: string) =>
			`het langste pad vanaf start heeft ${has} keuzemomenten; er zijn er minstens ${n} nodig`,
		exactlyOne: (n: string) => `precies één optie moet juist zijn, nu ${n}`,
		atLeastOneCorrect: 'minstens één optie moet juist zijn',
		phraseWithSignal: 'heeft minstens één zinsdeel met een signaal nodig',
		phraseDistractor: 'heeft minstens één zinsdeel zonder signaal nodig (een afleider)',
		phraseMissing: (text: string) => `"${text}" komt niet voor in de tekst`,
		phraseTwice: (text: string) => `"${text}" komt meer dan eens voor in de tekst`,
		phraseOverlap: (id: string) => `overlapt met zinsdeel "${id}"`,
		poolSize: (has: string, need: string) =>
			`de pool heeft ${has} oefeningen; nodig zijn er minstens 2 x draw = ${need}`,
		unknownKey: (key: string, guess: string | undefined) =>
			`onbekende sleutel "${key}"${guess ? ` (bedoel je "${guess}"?)` : ''}`,
		required: 'is verplicht',
		wrongType: (expected: string, got: string) => `moet ${expected} zijn, maar is ${got}`,
		types: {
			'a list': 'een lijst',
			'a mapping': 'een reeks sleutels met waarden',
			text: 'tekst',
			'a number': 'een getal',
			'a whole number': 'een geheel getal',
			'true or false': 'true of false',
			null: 'leeg'
		} as Record<string, string>,
		notEmpty: 'mag niet leeg zijn',
		min: (n: string) => `moet minstens ${n} zijn`,
		max: (n: string) => `mag hoogstens ${n} zijn`,
		tooLong: (n: string, what: string) => `is te lang: hoogstens ${n} ${what}`,
		oneOf: (values: string) => `moet een van deze waarden zijn: ${values}`,
		invalidId: (id: string) =>
			`"${id}" is geen geldige id: gebruik alleen kleine letters en cijfers, gescheiden door één streepje`,
		url: 'moet een http(s)-adres zijn',
		/** A wrong value that was text, as `content.wrongType` says it. */
		textValue: (text: string) => `de tekst "${text}"`,
		other: (english: string) => `ongeldige waarde (${english})`
	}
} as const;
