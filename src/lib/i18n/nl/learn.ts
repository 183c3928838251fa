// Dutch (nl-BE) interface text: the learn section of the catalogue.
import { quizItems } from './quizItems';

export const learn = {
	...quizItems,
	dashboardTitle: 'Mijn leeroverzicht',
	welcome: (name: string) => `Welkom, ${name}.`,
	inProgress: 'Bezig',
	assigned: 'Opgedragen door je organisatie',
	dueBy: (date: string) => `Af te ronden tegen ${date}`,
	overdue: (date: string) => `Had af moeten zijn op ${date}`,
	completed: 'Afgerond',
	suggested: 'Aanbevolen voor jou',
	nothingYet: 'Je bent nog niet begonnen aan een module. Kies een module om te starten.',
	resume: 'Verder gaan',
	resumeWith: (title: string) => ` met ${title}`,
	startRefresher: 'Start de opfrissing',
	certificateLine: (title: string, status: string, date: string) =>
		`${title}: ${status}, geldig tot ${date}`,
	allCertificates: 'Alle certificaten, met pdf en verificatielink',
	stepsNav: 'Stappen van de module',
	caseHeading: 'Casus',
	start: 'Start deze module',
	view: 'Bekijk de module',
	minutes: (n: number) => `ongeveer ${n} minuten`,
	stepsProgress: (done: number, total: number) => `${done} van ${total} stappen klaar`,
	completedOn: (date: string) => `Afgerond op ${date}`,
	signalMapTitle: 'Mijn signalenkaart',
	signalMapIntro:
		'Hier zie je welke signalen je al goed herkent en welke je nog kan oefenen. De kaart groeit met elke oefening.',
	signalMapHow: (minSeen: number, strongPercent: number) =>
		`Zo werkt de kaart: na minstens ${minSeen} oefeningen met een signaal is het "Sterk" als je het in ${strongPercent} procent of meer herkende, anders "Nog oefenen"; daarvoor staat er "Nog te weinig gezien".`,
	levels: {
		strong: 'Sterk',
		practise: 'Nog oefenen',
		few: 'Nog te weinig gezien',
		unseen: 'Nog niet gezien'
	},
	seenCorrect: (seen: number, correct: number) => `${correct} van ${seen} keer herkend`,
	stepOf: (k: number, n: number) => `Stap ${k} van ${n}`,
	previous: 'Vorige stap',
	next: 'Volgende stap',
	backToModule: 'Terug naar het overzicht van de module',
	stepStatus: { todo: 'Nog niet begonnen', started: 'Bezig', done: 'Klaar' },
	kinds: { lesson: 'Les', vignette: 'Casus', quiz: 'Oefening', assessment: 'Eindtoets' },
	stepsTitle: 'Stappen',
	sourcesTitle: 'Bronnen',
	refresherClosed:
		'De opfrissing opent kort voordat een certificaat verloopt (en blijft nog even open daarna). Je ziet het op je leeroverzicht zodra het zover is.',
	lessonDone: 'Gelezen, naar de volgende stap',
	lessonDoneLast: 'Gelezen',
	lessonIsDone: 'Je hebt deze les gelezen.',
	vignetteIntro: 'Lees de situatie en kies wat jij zou doen. Na elke keuze krijg je uitleg.',
	yourChoice: 'Jouw keuze en de uitleg',
	chooseLegend: 'Wat doe je?',
	endingTitle: (title: string) => `Einde van de casus: ${title}`,
	pathTitle: 'De keuzes die je maakte',
	caseTitle: 'Casus',
	caseAbout: 'Over deze casus',
	caseName: 'Wie',
	caseAge: 'Leeftijd',
	caseYears: (age: number) => `${age} jaar`,
	caseSetting: 'Waar',
	caseNarrator: 'Wie vertelt',
	messagesTitle: 'Berichten op de gsm',
	messageFrom: (sender: string, time: string) => `${sender}, om ${time}:`,
	timelineTitle: 'De casus als tijdlijn',
	timelineIntro:
		'Zo verliep de casus voor jou: elke situatie in de volgorde waarin je ze doorliep, met de signalen die er waren en de keuze die je maakte.',
	timelineStep: (n: number) => `Situatie ${n}`,
	timelineSignals: 'Signalen in deze situatie',
	timelineNoSignals: 'Geen nieuwe signalen in deze situatie.',
	timelineChoice: 'Jouw keuze',
	timelineActed: 'opgepakt',
	timelinePassed: 'voorbijgegaan',
	timelineItemIntro:
		'De situatie van deze vraag, met de signalen die erin samenkomen en wat je koos.',
	timelineConcern: 'Jouw inschatting',
	timelineNextStep: 'Jouw volgende stap',
	timelineWeighedNote: 'Je woog deze signalen samen goed af.',
	timelineMisweighedNote: 'Je woog deze signalen samen niet goed af. Lees de uitleg hierboven.',
	timelineActedNote: 'Je keuze hier pakte de signalen op.',
	timelinePassedNote: 'Je keuze hier ging aan de signalen voorbij.',
	restart: 'Speel de casus opnieuw',
	restartNote: 'Je eerste keer telt voor je score; een nieuwe poging is oefening.',
	conflict: 'Deze keuze hoort bij een eerder moment in de casus. We tonen je waar je nu bent.',
	save: 'Antwoord opslaan',
	saved: 'Antwoord opgeslagen',
	markPressed: 'aangeduid',
	errors: {
		empty: 'Kies eerst een antwoord.',
		emptyClassify: 'Kies bij elke uitspraak een antwoord.',
		emptyJudge: 'Kies zowel hoe bezorgd je bent als wat je nu doet.',
		invalid: 'Dit antwoord kunnen we niet verwerken. Kies opnieuw.',
		unanswered: (n: number) =>
			n === 1
				? 'Beantwoord eerst alle vragen. Er staat er nog één open.'
				: `Beantwoord eerst alle vragen. Er staan er nog ${n} open.`,
		noAttempt: 'Er is geen open eindtoets. Start de eindtoets opnieuw.'
	},
	assessment: {
		lockedTitle: 'De eindtoets is nog niet open',
		locked: 'Werk eerst deze stappen af:',
		intro: (draw: number, pass: number) =>
			`De eindtoets heeft ${draw} vragen. Je slaagt met ${pass} % of meer. Er is geen tijdslimiet; je antwoorden worden meteen bewaard.`,
		start: 'Start de eindtoets',
		submit: 'Eindtoets indienen',
		resultTitle: 'Resultaat van je eindtoets',
		passed: (pct: number) => `Geslaagd met ${pct} %. Goed gedaan!`,
		failed: (pct: number, pass: number) =>
			`Nog niet geslaagd: je behaalde ${pct} %, je hebt ${pass} % nodig. Bij een nieuwe poging krijg je andere vragen.`,
		retry: 'Opnieuw proberen',
		revisitTitle: 'Neem deze soorten signalen nog eens door:',
		cooldown: (at: number) =>
			`Je kunt de eindtoets opnieuw maken vanaf ${new Date(at).toLocaleString('nl-BE', { timeZone: 'Europe/Brussels', dateStyle: 'long', timeStyle: 'short' })}. Zo heb je tijd om de stappen van de module rustig te herhalen.`,
		attemptsLeft: (n: number) =>
			n === 1 ? 'Je hebt nog één poging.' : `Je hebt nog ${n} pogingen.`,
		reviewLater:
			'De uitleg per vraag zie je zodra je geslaagd bent of al je pogingen gebruikt hebt.',
		exhausted:
			'Je hebt alle pogingen voor deze eindtoets gebruikt. Hieronder zie je de uitleg bij elke vraag. Bekijk samen met je trainer of leidinggevende hoe je verder kunt. Je leidinggevende kan je een extra poging geven.',
		progress: (done: number, total: number) => `${done} van ${total} vragen beantwoord`,
		question: (k: number, n: number) => `Vraag ${k} van ${n}`,
		moduleDone: 'Je hebt deze module afgerond.'
	}
} as const;
