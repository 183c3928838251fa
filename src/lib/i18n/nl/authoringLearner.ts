// Dutch (nl-BE) interface text: the authoringLearner section of the catalogue.
export const authoringLearner = {
	previewBanner: 'Voorbeeld: zo ziet een deelnemer deze stap. Er wordt niets bewaard.',
	previewModuleBanner: 'Voorbeeld: zo ziet een deelnemer deze module. Er wordt niets bewaard.',
	backToEditor: 'Terug naar de editor',
	previewTitle: (title: string) => `Voorbeeld: ${title}`,
	untitled: '(nog zonder titel)',
	untitledStep: (n: number) => `Stap ${n} (nog zonder titel)`,
	noSteps: 'Dit concept heeft nog geen stappen.',
	brokenText:
		'Deze tekst kan nog niet getoond worden: hij is te lang. Maak hem korter in de editor.',
	brokenVignette:
		'Deze casus kan nog niet (helemaal) getoond worden: een keuze verwijst naar een onderdeel dat niet bestaat. Pas de casus aan in de editor.',
	brokenQuiz: 'Deze stap heeft nog geen vragen om te tonen.',
	brokenAssessment:
		'De eindtoets kan nog niet getoond worden: de vragenpool is leeg. Voeg vragen toe in de editor.',
	brokenStep: 'Deze stap kan nog niet getoond worden. Kijk de fouten na in de editor.',
	assessmentNote:
		'Je ziet een trekking uit de vragenpool. In het voorbeeld zie je de feedback meteen; een deelnemer ziet ze pas na het indienen van de eindtoets.',
	newDraw: 'Nieuwe trekking',
	drawOf: (draw: number, pool: number) => `${draw} vragen uit een pool van ${pool}`,
	stale: 'Deze keuze hoort niet meer bij de stap waar je bent. Kies opnieuw.',
	platformTrainer: 'Platformtrainer',
	platformTrainerOn: 'ja: mag modules voor alle organisaties publiceren',
	platformTrainerOff: 'nee',
	makePlatformTrainer: 'Maak platformtrainer',
	revokePlatformTrainer: 'Trek platformtrainer in',
	platformTrainerHint:
		'Een platformtrainer mag modules publiceren die elke deelnemer van het platform ziet.',
	platformTrainerNeedsRole: 'Alleen een account met de rol trainer kan platformtrainer worden.',
	platformTrainerSaved: 'Opgeslagen.'
} as const;
