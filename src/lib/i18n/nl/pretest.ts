// Dutch (nl-BE) interface text: the pretest section of the catalogue.
export const pretest = {
	title: 'Voortoets',
	intro: (n: number) =>
		`Voor je begint, beantwoord je ${n} korte vragen over wat in deze module aan bod komt. Zo zie je straks hoeveel je bijgeleerd hebt.`,
	calm: 'De voortoets telt niet mee. Je krijgt er geen punten voor en je ziet niet welke antwoorden juist zijn, want dezelfde vragen kunnen in de eindtoets terugkomen. Weet je het niet? Kies dan wat je denkt: dat is precies wat de voortoets wil weten.',
	skipNote:
		'Je mag de voortoets overslaan. Dan begin je meteen met de eerste stap en zie je na de eindtoets geen leerwinst.',
	begin: 'Begin de voortoets',
	skip: 'Voortoets overslaan',
	progress: (done: number, total: number) => `${done} van ${total} vragen beantwoord`,
	question: (k: number, n: number) => `Vraag ${k} van ${n}`,
	save: 'Antwoord bewaren',
	saved: 'Bewaard',
	submit: 'Voortoets indienen',
	doneTitle: 'Bedankt voor je antwoorden',
	done: 'Je voortoets is bewaard. Je score zie je na de eindtoets, naast je score op de eindtoets: zo verklappen we nu geen juiste antwoorden.',
	skippedTitle: 'Voortoets overgeslagen',
	skipped: 'Je hebt de voortoets overgeslagen. Je kunt gewoon met de module verder.',
	closedTitle: 'De voortoets is niet meer open',
	closed:
		'Je bent al met de module begonnen. De voortoets meet wat je vooraf al wist, daarom kan hij nu niet meer. Dat is geen probleem: je kunt gewoon verder.',
	toModule: 'Verder met de module',
	moduleHint: (n: number) =>
		`Deze module begint met een korte voortoets van ${n} vragen. Die telt niet mee en je mag hem overslaan.`,
	toPretest: 'Naar de voortoets',
	continuePretest: 'Verder met de voortoets',
	errors: {
		unanswered: (n: number) =>
			n === 1
				? 'Er is nog 1 vraag zonder antwoord. Beantwoord ze eerst.'
				: `Er zijn nog ${n} vragen zonder antwoord. Beantwoord ze eerst.`,
		notOpen: 'Deze voortoets is niet meer open. Laad de pagina opnieuw.'
	},
	gainTitle: 'Jouw leerwinst',
	gainPre: 'Voortoets',
	gainPost: 'Eindtoets, eerste poging',
	gainPoints: 'Leerwinst',
	points: (n: number) =>
		`${n > 0 ? '+' : ''}${n.toLocaleString('nl-BE', { maximumFractionDigits: 1 })} ${Math.abs(n) === 1 ? 'procentpunt' : 'procentpunten'}`,
	normalised: (pct: number) =>
		`Van wat je bij de voortoets nog niet wist, heb je ${pct} % bijgeleerd.`,
	normalisedFull: 'Je had de voortoets al helemaal juist.',
	gainExplanation:
		'Leerwinst is het verschil tussen je score op de eindtoets en je score op de voortoets. We nemen je eerste poging van de eindtoets, omdat je bij een nieuwe poging al uitleg gekregen hebt.',
	statsTitle: 'Leerwinst',
	statsIntro:
		'Lerenden die zowel de voortoets als de eindtoets maakten: hun gemiddelde score op beide en het gemiddelde verschil in procentpunten. Van de eindtoets telt de eerste poging.',
	statsLearners: 'Lerenden met beide toetsen',
	statsMeanPre: 'Gemiddelde voortoets',
	statsMeanPost: 'Gemiddelde eindtoets (eerste poging)',
	statsMeanGain: 'Gemiddelde leerwinst',
	statsNormalised: 'Genormaliseerde leerwinst',
	statsNormalisedHelp:
		'Genormaliseerde leerwinst: welk deel van wat lerenden bij de voortoets gemiddeld nog niet wisten, ze er bijleerden ((eindtoets − voortoets) / (100 % − voortoets)).',
	statsNone: 'Nog geen lerenden met zowel een voortoets als een eindtoets.',
	statsNoPretest: 'Deze module heeft geen voortoets.',
	statsCaption: (title: string) => `Leerwinst voor ${title}`
} as const;
