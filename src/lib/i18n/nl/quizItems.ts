// Dutch (nl-BE) interface text: the quiz items section of the catalogue, what a quiz, a pre-test
// or an assessment item shows around its own content (the item forms and their feedback). Its own
// section so the quiz step's code carries these strings only; `learn` includes them as well.
export const quizItems = {
	question: (n: number) => `Vraag ${n}`,
	questionRef: (n: number) => ` (vraag ${n})`,
	answer: 'Antwoord bevestigen',
	practiceAgain: 'Nog eens oefenen',
	practiceNote: 'Je eerste antwoord telt voor je score. Wat je nu antwoordt, is oefening.',
	verdicts: { right: 'Juist', partly: 'Deels juist', wrong: 'Niet juist' },
	rightIs: 'Juist is',
	/** The two halves of a judge item's result. */
	judgeSections: { concern: 'Hoe bezorgd?', action: 'Wat doe je nu?' },
	yourAnswer: 'Jouw antwoord',
	chosen: 'gekozen',
	notChosen: 'niet gekozen',
	marked: 'aangeduid',
	notMarked: 'niet aangeduid',
	shouldChoose: 'hoort erbij',
	shouldNotChoose: 'hoort er niet bij',
	isSignal: 'is een signaal',
	isNoSignal: 'is geen signaal',
	classify: {
		signaal: 'Signaal',
		risicofactor: 'Risicofactor',
		context: 'Meer context nodig',
		'geen-signaal': 'Geen signaal'
	},
	concern: 'Hoe bezorgd ben je?',
	action: 'Wat doe je nu?',
	markHint:
		'Duid de zinsdelen aan door erop te klikken of met Enter of spatie. Nog eens drukken maakt het ongedaan.'
};
