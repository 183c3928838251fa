// Dutch (nl-BE) interface text. Keep user-facing strings here so French (Brussels) can follow.
export const nl = {
	app: {
		name: 'Signaalwijs',
		tagline: 'Signalen van tienerpooiers herkennen en weten wat je doet',
		skipLink: 'Naar de inhoud',
		mainNav: 'Hoofdmenu',
		signedInAs: (name: string) => `Aangemeld als ${name}`,
		signOut: 'Afmelden',
		signIn: 'Aanmelden',
		register: 'Registreren',
		profile: 'Mijn profiel'
	},
	nav: {
		home: 'Start',
		learn: 'Leren',
		certificates: 'Certificaten',
		manage: 'Beheer',
		author: 'Auteur',
		admin: 'Platformbeheer',
		profile: 'Profiel'
	},
	helpLine: {
		heading: 'Hulp nodig of zorgen om een jongere?',
		text: 'Bel gratis Child Focus op 116 000, dag en nacht, ook anoniem. Of mail naar 116000@childfocus.org.',
		phone: '116 000',
		email: '116000@childfocus.org',
		emergency: 'In nood: bel de politie op 101 of 112.'
	},
	footer: {
		accessibility: 'Toegankelijkheid',
		privacy: 'Privacy',
		about: 'Signaalwijs is een opleidingsplatform voor leerkrachten en hulpverleners in Vlaanderen.'
	},
	roles: {
		learner: 'deelnemer',
		trainer: 'trainer',
		manager: 'beheerder',
		admin: 'platformbeheerder'
	},
	audiences: {
		leerkracht: 'Leerkracht',
		hulpverlener: 'Hulpverlener'
	},
	password: {
		tooShort: (n: number) =>
			`Kies een wachtwoord van minstens ${n} tekens. Een zin van een paar woorden werkt goed.`,
		tooLong: (n: number) => `Een wachtwoord mag hoogstens ${n} tekens lang zijn.`,
		common:
			'Dit wachtwoord is te makkelijk te raden. Kies een langer of minder gewoon wachtwoord, bijvoorbeeld een zin van een paar woorden.',
		personal:
			'Dit wachtwoord lijkt te veel op je naam, je e-mailadres of je organisatie. Kies iets anders.',
		mismatch: 'De twee wachtwoorden zijn niet gelijk.'
	},
	form: {
		errorSummary: 'Er is iets niet in orde',
		required: (label: string) => `Vul ${label} in.`,
		invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@school.be.',
		tooLong: (label: string, n: number) => `${label} mag hoogstens ${n} tekens lang zijn.`,
		invalidChoice: (label: string) => `Kies een geldige waarde voor ${label}.`,
		invalidText: (label: string) => `${label} bevat tekens die niet toegelaten zijn.`
	},
	auth: {
		loginTitle: 'Aanmelden',
		loginIntro: 'Meld je aan met je e-mailadres en wachtwoord.',
		email: 'E-mailadres',
		password: 'Wachtwoord',
		newPassword: 'Nieuw wachtwoord',
		repeatPassword: 'Herhaal het wachtwoord',
		name: 'Naam',
		audience: 'Ik werk als',
		loginButton: 'Aanmelden',
		loginFailed: 'Het e-mailadres of het wachtwoord klopt niet.',
		throttled: (minutes: number) =>
			minutes <= 1
				? 'Te veel pogingen na elkaar. Wacht even en probeer het over een minuut opnieuw.'
				: `Te veel pogingen na elkaar. Probeer het over ${minutes} minuten opnieuw.`,
		forgot: 'Wachtwoord vergeten?',
		noAccount: 'Nog geen account?',
		registerTitle: 'Registreren',
		registerIntro: 'Maak een account om de opleiding te volgen.',
		registerButton: 'Account maken',
		registered:
			'Je registratie is ontvangen. Je kunt je nu aanmelden. Had je al een account met dit adres, dan krijg je een e-mail.',
		passwordHint:
			'Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.',
		resetTitle: 'Wachtwoord vergeten',
		resetIntro:
			'Vul je e-mailadres in. Als er een account bij hoort, krijg je een e-mail met een link om een nieuw wachtwoord te kiezen. De link werkt één uur.',
		resetButton: 'Stuur de link',
		resetSent:
			'Als er een account bij dit e-mailadres hoort, is er nu een e-mail onderweg. Kijk ook in je map met ongewenste mail.',
		newPasswordTitle: 'Nieuw wachtwoord kiezen',
		newPasswordButton: 'Wachtwoord opslaan',
		resetInvalid:
			'Deze link werkt niet meer. Hij is al gebruikt, verlopen of vervangen door een nieuwere. Vraag een nieuwe link aan.',
		resetDone:
			'Je wachtwoord is gewijzigd. Je bent overal afgemeld. Meld je aan met je nieuwe wachtwoord.',
		signedOut: 'Je bent afgemeld.',
		inviteTitle: 'Uitnodiging aanvaarden',
		inviteIntro: (org: string) =>
			`Je bent uitgenodigd voor Signaalwijs door ${org}. Kies je naam en een wachtwoord.`,
		inviteButton: 'Account activeren',
		inviteInvalid:
			'Deze uitnodiging werkt niet meer. Ze is al gebruikt, ingetrokken of verlopen. Vraag je contactpersoon om een nieuwe uitnodiging.',
		inviteExistingAccount:
			'Er bestaat al een account met dit e-mailadres. Meld je aan; de uitnodiging wordt daarna aan je account gekoppeld.',
		inviteDone: 'Je account is klaar. Meld je aan met je e-mailadres en je nieuwe wachtwoord.'
	},
	errors: {
		title: (status: number) =>
			status === 404
				? 'Pagina niet gevonden'
				: status === 403
					? 'Geen toegang'
					: status === 429
						? 'Even wachten'
						: 'Er ging iets mis',
		403: 'Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? Vraag het aan de beheerder van je organisatie.',
		404: 'Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de startpagina.',
		429: 'Je hebt te veel verzoeken na elkaar gestuurd. Wacht even en probeer het dan opnieuw.',
		500: 'Er ging iets mis aan onze kant. Je gegevens zijn niet verloren. Probeer het straks opnieuw.',
		reference: (id: string) => `Foutcode: ${id}`,
		back: 'Naar de startpagina',
		badRequest:
			'Dit verzoek kunnen we niet verwerken. Controleer wat je invulde en probeer opnieuw.',
		tooLarge: 'Wat je verstuurde is te groot.'
	},
	mail: {
		greeting: (name: string) => `Beste ${name},`,
		signature: 'Met vriendelijke groet,\nSignaalwijs',
		resetSubject: 'Een nieuw wachtwoord kiezen voor Signaalwijs',
		resetBody: (link: string) =>
			`Je vroeg een nieuw wachtwoord aan voor Signaalwijs. Kies het via deze link (hij werkt één uur en één keer):\n\n${link}\n\nVroeg je dit niet aan? Dan mag je deze e-mail negeren; je wachtwoord blijft hetzelfde.`,
		inviteSubject: (org: string) => `Uitnodiging voor Signaalwijs van ${org}`,
		inviteBody: (org: string, link: string, days: number) =>
			`${org} nodigt je uit voor Signaalwijs, de opleiding om signalen van tienerpooiers te herkennen en te weten wat je doet.\n\nActiveer je account via deze link (hij werkt ${days} dagen):\n\n${link}`,
		existingSubject: 'Poging tot registratie met je e-mailadres',
		existingBody: (link: string) =>
			`Iemand probeerde een nieuw account te maken bij Signaalwijs met dit e-mailadres. Je hebt al een account.\n\nWeet je je wachtwoord niet meer? Kies een nieuw via ${link}\n\nWas jij dit niet? Dan hoef je niets te doen.`
	},
	learn: {
		dashboardTitle: 'Mijn leeroverzicht',
		welcome: (name: string) => `Welkom, ${name}.`,
		inProgress: 'Bezig',
		assigned: 'Opgedragen door je organisatie',
		dueBy: (date: string) => `Af te ronden tegen ${date}`,
		overdue: (date: string) => `Had af moeten zijn op ${date}`,
		completed: 'Afgerond',
		suggested: 'Aanbevolen voor jou',
		nothingYet:
			'Je bent nog niet begonnen aan een module. Kies hieronder een module om te starten.',
		resume: 'Verder gaan',
		start: 'Start deze module',
		view: 'Bekijk de module',
		minutes: (n: number) => `ongeveer ${n} minuten`,
		stepsProgress: (done: number, total: number) => `${done} van ${total} stappen klaar`,
		completedOn: (date: string) => `Afgerond op ${date}`,
		signalMapTitle: 'Mijn signalenkaart',
		signalMapIntro:
			'Hier zie je welke signalen je al goed herkent en welke je nog kan oefenen. De kaart groeit met elke oefening.',
		levels: { sterk: 'Sterk', 'nog oefenen': 'Nog oefenen', 'nog niet gezien': 'Nog niet gezien' },
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
		restart: 'Speel de casus opnieuw',
		restartNote: 'Je eerste keer telt voor je score; een nieuwe poging is oefening.',
		conflict: 'Deze keuze hoort bij een eerder moment in de casus. We tonen je waar je nu bent.',
		answer: 'Antwoord bevestigen',
		save: 'Antwoord opslaan',
		saved: 'Antwoord opgeslagen',
		practiceAgain: 'Nog eens oefenen',
		practiceNote: 'Je eerste antwoord telt voor je score. Wat je nu antwoordt, is oefening.',
		verdicts: { juist: 'Juist', deels: 'Deels juist', fout: 'Niet juist' },
		yourAnswer: 'Jouw antwoord',
		chosen: 'gekozen',
		notChosen: 'niet gekozen',
		marked: 'aangeduid',
		notMarked: 'niet aangeduid',
		shouldChoose: 'hoort erbij',
		shouldNotChoose: 'hoort er niet bij',
		isSignal: 'is een signaal',
		isNoSignal: 'is geen signaal',
		classify: { signaal: 'Signaal', 'geen-signaal': 'Geen signaal', context: 'Meer context nodig' },
		concern: 'Hoe bezorgd ben je?',
		action: 'Wat doe je nu?',
		markHint:
			'Duid de zinsdelen aan door erop te klikken of met Enter of spatie. Nog eens drukken maakt het ongedaan.',
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
				`Nog niet geslaagd: je behaalde ${pct} %, je hebt ${pass} % nodig. Bekijk de uitleg en probeer opnieuw; je krijgt andere vragen.`,
			retry: 'Opnieuw proberen',
			progress: (done: number, total: number) => `${done} van ${total} vragen beantwoord`,
			question: (k: number, n: number) => `Vraag ${k} van ${n}`,
			moduleDone: 'Je hebt deze module afgerond.'
		}
	},
	certificates: {
		title: 'Mijn certificaten',
		intro:
			'Hier vind je al je certificaten, ook de oude. Met de code kan iemand anders nagaan of je certificaat echt is.',
		none: 'Je hebt nog geen certificaten. Je krijgt er een wanneer je de eindtoets van een module haalt.',
		status: {
			geldig: 'Geldig',
			verloopt_binnenkort: 'Verloopt binnenkort',
			verlopen: 'Verlopen',
			ingetrokken: 'Ingetrokken',
			vernieuwd: 'Vernieuwd'
		},
		statusLabel: 'Status',
		issued: 'Uitgereikt op',
		validUntil: 'Geldig tot',
		code: 'Controlecode',
		module: 'Module',
		name: 'Naam',
		organisation: 'Organisatie',
		downloadPdf: (module: string) => `Certificaat als pdf: ${module}`,
		publicPage: (module: string) => `Openbare controlepagina: ${module}`,
		openBadge: (module: string) => `Open Badge (digitaal bewijs): ${module}`,
		revokedReason: (reason: string) => `Reden van intrekking: ${reason}`,
		showOrganisation: 'Toon mijn organisatie op de openbare controlepagina',
		hideOrganisation: 'Verberg mijn organisatie op de openbare controlepagina',
		organisationShown: 'Je organisatie staat nu op de openbare controlepagina.',
		organisationHidden: 'Je organisatie staat niet meer op de openbare controlepagina.',
		organisationIsShown: 'Je organisatie staat op de openbare controlepagina.',
		organisationIsHidden: 'Je organisatie staat niet op de openbare controlepagina.',
		refresherNeeded: (date: string) => `Opfrissing nodig vóór ${date}`,
		refresherModules: (titles: string) =>
			`De opfrissing verlengt je certificaat voor: ${titles}. Je vindt ze in je leeroverzicht.`,
		refresherLink: 'Naar mijn leeroverzicht',
		history: 'Vervangen door een nieuwer certificaat.',
		gone: 'Dit certificaat is ingetrokken. Je kunt het niet meer downloaden.',
		pdf: {
			heading: 'Certificaat',
			intro: 'Signaalwijs verklaart dat',
			completed: 'de opleiding met succes heeft afgerond:',
			issued: (date: string) => `Uitgereikt op ${date}`,
			validUntil: (date: string) => `Geldig tot ${date}`,
			code: (code: string) => `Controlecode: ${code}`,
			verifyAt: (url: string) => `Controleer dit certificaat op ${url}`,
			issuer: 'Uitgereikt door Signaalwijs, opleiding tienerpooiers herkennen en handelen',
			documentTitle: (module: string) => `Certificaat ${module}`
		},
		verify: {
			title: 'Certificaat controleren',
			intro: 'Deze gegevens komen rechtstreeks uit Signaalwijs.',
			valid: 'Dit certificaat is echt en geldig.',
			notValid: (status: string) => `Dit certificaat is echt, maar niet meer geldig: ${status}.`,
			revoked: 'Dit certificaat is ingetrokken en geldt niet meer als bewijs.',
			renewed: 'Dit certificaat is vervangen door een nieuwer certificaat van dezelfde persoon.',
			unknownTitle: 'Certificaat niet gevonden',
			unknown:
				'Er bestaat geen certificaat met deze code. Controleer de code: ze heeft 28 tekens, in groepen van vier. De cijfers 0 en 1 en de letters o en l komen er niet in voor.',
			throttled:
				'Je hebt veel codes na elkaar gecontroleerd. Wacht even en probeer het dan opnieuw.',
			formTitle: 'Een certificaat controleren',
			formIntro: 'Vul de controlecode in die op het certificaat staat.',
			formField: 'Controlecode',
			formButton: 'Controleren'
		},
		admin: {
			title: 'Certificaten intrekken',
			intro:
				'Zoek een certificaat op zijn controlecode. Trek het alleen in als het onterecht is uitgereikt, en noteer waarom.',
			search: 'Zoeken',
			notFound: 'Er is geen certificaat met deze code.',
			reason: 'Reden van intrekking',
			reasonHint: 'Tussen 5 en 500 tekens. De reden komt in het auditlogboek.',
			reasonRequired: 'Vul een reden in van minstens 5 tekens.',
			revoke: 'Certificaat intrekken',
			revoked: 'Het certificaat is ingetrokken. De controlepagina zegt nu dat het ingetrokken is.',
			alreadyRevoked: 'Dit certificaat was al ingetrokken.',
			holder: 'Houder'
		},
		reminderSubject: (kind: 'd30' | 'd7' | 'd0', module: string, date: string) =>
			kind === 'd0'
				? `Je certificaat ${module} verloopt vandaag`
				: `Je certificaat ${module} verloopt op ${date}`,
		reminderBody: (
			kind: 'd30' | 'd7' | 'd0',
			module: string,
			date: string,
			graceUntil: string | null,
			link: string
		) =>
			[
				kind === 'd0'
					? `Je certificaat voor de module "${module}" verloopt vandaag (${date}).`
					: `Je certificaat voor de module "${module}" is geldig tot ${date}.`,
				graceUntil
					? `Met de korte opfrissing (ongeveer 20 minuten) verleng je het. Dat kan nog tot ${graceUntil}; daarna moet je de volledige module opnieuw volgen.`
					: 'Volg de module opnieuw om een nieuw certificaat te krijgen.',
				`Je vindt de opfrissing in je leeroverzicht: ${link}`
			].join('\n\n')
	},
	manager: {
		nav: {
			label: 'Beheer',
			dashboard: 'Overzicht',
			learners: 'Deelnemers',
			invitations: 'Uitnodigingen',
			teams: 'Teams',
			assignments: 'Opdrachten',
			signals: 'Signalenkaart'
		},
		teams: {
			nameTaken: (name: string) => `Er bestaat al een team met de naam ${name}.`,
			unknownTeam: 'Dit team bestaat niet (meer) in je organisatie.',
			unknownLearner: 'Deze deelnemer hoort niet bij je organisatie.',
			created: (name: string) => `Het team ${name} is aangemaakt.`,
			renamed: (name: string) => `Het team heet nu ${name}.`,
			moved: 'De deelnemer is verplaatst.'
		},
		assignments: {
			unknownModule: 'Kies een module uit de lijst.',
			chooseTeam: 'Kies een team van je organisatie.',
			chooseLearners: 'Kies minstens één deelnemer van je organisatie.',
			badDate: 'Vul een geldige datum in, zoals 30-06-2026, of laat het veld leeg.',
			created: 'De opdracht is toegewezen.',
			deleted: 'De opdracht is verwijderd.',
			reminderSubject: (module: string) => `Herinnering: ${module} in Signaalwijs`,
			reminderBody: (organisation: string, module: string, due: Date, link: string) =>
				`${organisation} vroeg je om de module ${module} af te ronden tegen ${due.toLocaleDateString('nl-BE', { timeZone: 'Europe/Brussels' })}. Die datum is voorbij en de module is nog niet afgerond.\n\nJe kunt verdergaan waar je gebleven was:\n\n${link}`
		},
		bulk: {
			tooLarge: (kb: number) => `Het bestand is te groot. Een bestand mag hoogstens ${kb} kB zijn.`,
			notUtf8:
				'Het bestand is geen UTF-8-tekst. Bewaar het in Excel als "CSV UTF-8" en probeer opnieuw.',
			empty: 'Het bestand bevat geen deelnemers.',
			noHeader:
				'De eerste regel moet de kolomnamen bevatten: e-mail, naam, team en beroep (alleen e-mail is verplicht).',
			tooManyRows: (n: number) =>
				`Het bestand heeft te veel regels. Nodig hoogstens ${n} mensen tegelijk uit.`,
			missingEmail: 'Het e-mailadres ontbreekt.',
			badEmail: 'Dit is geen geldig e-mailadres.',
			badName: 'De naam is niet geldig.',
			unknownTeam: (team: string) =>
				`Het team ${team} bestaat niet. Maak het eerst aan bij Teams of verbeter de naam.`,
			badAudience: 'Het beroep moet leerkracht of hulpverlener zijn.',
			duplicate: (line: number) => `Dit e-mailadres staat al op regel ${line}.`,
			alreadyMember: 'Is al lid van je organisatie; wordt overgeslagen.',
			alreadyInvited: 'Heeft al een open uitnodiging; wordt overgeslagen.',
			chooseFile: 'Kies een CSV-bestand.',
			expired: 'Dit voorbeeld is niet meer geldig. Laad het bestand opnieuw op.',
			done: (invited: number, skipped: number) =>
				`${invited} ${invited === 1 ? 'uitnodiging' : 'uitnodigingen'} verstuurd, ${skipped} overgeslagen.`
		}
	},
	account: {
		signInFirst: 'Meld je eerst aan.',
		currentWrong: 'Je huidige wachtwoord klopt niet.',
		profileTitle: 'Mijn profiel',
		name: 'Naam',
		email: 'E-mailadres',
		organisations: 'Mijn organisaties',
		noOrganisation: 'Je bent (nog) niet verbonden aan een organisatie.',
		platformAdmin: 'Je bent platformbeheerder.',
		security: 'Beveiliging',
		twoFactorOn: 'Tweestapsverificatie staat aan.',
		twoFactorOff: 'Tweestapsverificatie staat uit.',
		twoFactorManage: 'Tweestapsverificatie beheren',
		twoFactorSetUp: 'Tweestapsverificatie instellen',
		passwordTitle: 'Wachtwoord wijzigen',
		currentPassword: 'Huidig wachtwoord',
		passwordButton: 'Wachtwoord wijzigen',
		passwordChanged:
			'Je wachtwoord is gewijzigd. Je bent afgemeld op al je andere toestellen en browsers.',
		sessionsTitle: 'Waar je aangemeld bent',
		sessionsIntro:
			'Dit zijn de browsers en toestellen waarop je nu aangemeld bent. Herken je er een niet? Meld hem af en wijzig je wachtwoord.',
		sessionStarted: 'Aangemeld op',
		sessionLastSeen: 'Laatst actief',
		sessionBrowser: 'Browser',
		sessionThis: 'Deze browser',
		sessionEnd: 'Sessie beëindigen',
		sessionEndLabel: (browser: string, date: string) =>
			`Sessie beëindigen: ${browser}, aangemeld op ${date}`,
		sessionEnded: 'Die sessie is beëindigd.',
		sessionEndAll: 'Alle andere sessies beëindigen',
		sessionsEndedOthers: 'Je bent afgemeld op al je andere toestellen en browsers.',
		unknownBrowser: 'Onbekende browser',
		dataTitle: 'Mijn gegevens',
		dataIntro:
			'Je kan alles wat Signaalwijs over jou bewaart downloaden als bestand (JSON): je profiel, je organisaties, je voortgang, je antwoorden, je certificaten en je sessies.',
		dataDownload: 'Mijn gegevens downloaden',
		deleteLink: 'Mijn account verwijderen',
		privacyLink: 'Lees wat we bewaren en waarom',
		deleteTitle: 'Mijn account verwijderen',
		deleteIntro:
			'Als je je account verwijdert, verdwijnen je naam, je e-mailadres, je voortgang en je certificaten voorgoed. Je antwoorden op oefeningen blijven alleen zonder je naam bewaard, voor de statistieken over de vragen. Dit kan je niet ongedaan maken.',
		deleteCertificates:
			'Je certificaten worden mee verwijderd. Wie daarna je certificaatcode controleert, krijgt te zien dat de code niet bestaat. Download eerst je certificaten als je ze wil bewaren.',
		deletePassword: 'Vul je wachtwoord in om te bevestigen',
		deleteButton: 'Mijn account definitief verwijderen',
		deleteCancel: 'Toch niet, terug naar mijn profiel',
		deleteLastAdmin:
			'Je bent de enige platformbeheerder. Maak eerst iemand anders beheerder voor je je account verwijdert.',
		deleted: 'Je account en je gegevens zijn verwijderd. Bedankt om Signaalwijs te gebruiken.',
		twoFactor: {
			title: 'Tweestapsverificatie',
			intro:
				'Met tweestapsverificatie vul je na je wachtwoord ook een code in uit een app op je telefoon (zoals Google Authenticator, Microsoft Authenticator of FreeOTP). Zo kan niemand zich met alleen je wachtwoord aanmelden.',
			required:
				'Je account heeft toegang tot gegevens van anderen. Stel daarom eerst tweestapsverificatie in voor je verdergaat.',
			step1: '1. Scan de QR-code met je app',
			qrAlt: 'QR-code om Signaalwijs toe te voegen aan je app voor tweestapsverificatie',
			manual: 'Lukt scannen niet? Voeg de sleutel dan met de hand toe in je app:',
			secretLabel: 'Sleutel',
			step2: '2. Vul de code uit je app in',
			code: 'Code van 6 cijfers',
			codeHint: 'De code verandert elke 30 seconden.',
			enableButton: 'Tweestapsverificatie aanzetten',
			enabled: 'Tweestapsverificatie staat nu aan.',
			recoveryTitle: 'Je herstelcodes',
			recoveryIntro:
				'Bewaar deze codes op een veilige plek, bijvoorbeeld afgedrukt of in een wachtwoordkluis. Ben je je telefoon kwijt, dan meld je je aan met een van deze codes. Elke code werkt één keer. Je ziet ze alleen nu.',
			recoveryLeft: (n: number) =>
				n === 1 ? 'Je hebt nog 1 herstelcode.' : `Je hebt nog ${n} herstelcodes.`,
			recoveryRenew: 'Nieuwe herstelcodes maken',
			recoveryRenewHint: 'Je oude herstelcodes werken dan niet meer.',
			disableTitle: 'Tweestapsverificatie uitzetten',
			disableButton: 'Tweestapsverificatie uitzetten',
			disabled: 'Tweestapsverificatie staat uit.',
			disableStaff:
				'Voor je rol is tweestapsverificatie verplicht: zet je ze uit, dan moet je ze meteen opnieuw instellen.',
			passwordWrong: 'Je wachtwoord klopt niet.',
			codeWrong:
				'Deze code klopt niet. Controleer of de tijd op je telefoon juist staat en probeer de nieuwe code.',
			throttled: (seconds: number) =>
				`Te veel foute codes na elkaar. Wacht ${seconds} seconden en probeer het opnieuw.`,
			back: 'Terug naar mijn profiel',
			stepTitle: 'Code invullen',
			stepIntro: 'Je wachtwoord klopt. Vul nu de code van 6 cijfers uit je app in.',
			stepButton: 'Bevestigen',
			recoveryHeading: 'Telefoon niet bij de hand?',
			recoveryCode: 'Herstelcode',
			recoveryHint: 'Een van de codes die je kreeg bij het instellen, zoals abcde-fghij.',
			recoveryButton: 'Aanmelden met herstelcode',
			recoveryWrong: 'Deze herstelcode klopt niet of werd al gebruikt.',
			cancel: 'Aanmelden annuleren'
		},
		admin: {
			title: 'Platformbeheer',
			welcome: (name: string) =>
				`Welkom, ${name}. Hier beheer je organisaties, accounts en het auditlogboek.`,
			nav: 'Onderdelen van platformbeheer',
			organisations: 'Organisaties',
			users: 'Accounts',
			invitations: 'Uitnodigingen',
			outbox: 'Uitgaande e-mail',
			audit: 'Auditlogboek',
			overviewOrganisations: (n: number) => `${n} organisaties`,
			orgName: 'Naam van de organisatie',
			orgCreate: 'Organisatie toevoegen',
			orgCreated: (name: string) => `${name} is toegevoegd.`,
			orgRename: 'Naam wijzigen',
			orgRenamed: 'De naam is gewijzigd.',
			orgNewName: (name: string) => `Nieuwe naam voor ${name}`,
			orgArchive: 'Archiveren',
			orgArchiveLabel: (name: string) => `${name} archiveren`,
			orgRestore: 'Terugzetten',
			orgRestoreLabel: (name: string) => `${name} terugzetten`,
			orgArchived: 'De organisatie is gearchiveerd. Haar leden hebben er geen rol meer.',
			orgRestored: 'De organisatie is teruggezet.',
			orgMembers: 'Leden',
			orgStatus: 'Status',
			orgActive: 'actief',
			orgIsArchived: 'gearchiveerd',
			searchLabel: 'Zoek op naam of e-mailadres',
			searchButton: 'Zoeken',
			noUsers: 'Geen accounts gevonden.',
			userTitle: (name: string) => `Account van ${name}`,
			userStatus: 'Status',
			userActive: 'actief',
			userDisabled: 'uitgeschakeld',
			lastLogin: 'Laatst aangemeld',
			never: 'nooit',
			rolesTitle: 'Rollen',
			isAdmin: 'Dit account is platformbeheerder.',
			makeAdmin: 'Platformbeheerder maken',
			revokeAdmin: 'Rol platformbeheerder intrekken',
			organisation: 'Organisatie',
			role: 'Rol',
			addRole: 'Rol toevoegen',
			changeRole: 'Rol wijzigen',
			removeRole: 'Rol verwijderen',
			newRoleFor: (org: string) => `Nieuwe rol in ${org}`,
			removeRoleLabel: (role: string, org: string) => `Rol ${role} in ${org} verwijderen`,
			noMemberships: 'Geen rollen in een organisatie.',
			accountTitle: 'Account',
			disable: 'Account uitschakelen',
			enable: 'Account weer inschakelen',
			endSessions: 'Alle sessies beëindigen',
			sessionsCount: (n: number) => (n === 1 ? '1 actieve sessie' : `${n} actieve sessies`),
			twoFactorStatus: 'Tweestapsverificatie',
			twoFactorReset: 'Tweestapsverificatie wissen (telefoon kwijt)',
			on: 'aan',
			off: 'uit',
			saved: 'Opgeslagen. De sessies van dit account zijn beëindigd.',
			sessionsEnded: (n: number) =>
				n === 1 ? '1 sessie is beëindigd.' : `${n} sessies zijn beëindigd.`,
			notSelf: 'Dit kan je niet voor je eigen account doen.',
			duplicate: 'Dit account heeft die rol al in die organisatie.',
			notFound: 'Dat account of die organisatie bestaat niet (meer).',
			inviteTitle: 'Iemand uitnodigen',
			inviteButton: 'Uitnodiging versturen',
			invited: (email: string) => `De uitnodiging voor ${email} is verstuurd.`,
			inviteOpen: 'open',
			inviteAccepted: 'aanvaard',
			inviteRevoked: 'ingetrokken',
			inviteExpired: 'verlopen',
			inviteRevokeLabel: (email: string) => `Uitnodiging voor ${email} intrekken`,
			inviteRevokedDone: 'De uitnodiging is ingetrokken.',
			noInvitations: 'Nog geen uitnodigingen.',
			outboxIntro:
				'Alle e-mail komt eerst in deze lijst. Zonder SMTP-server blijft ze hier staan (status bewaard); dan kan je de inhoud zelf doorsturen. Na de bewaartermijn wordt ze verwijderd.',
			recipient: 'Aan',
			subject: 'Onderwerp',
			status: 'Status',
			date: 'Datum',
			showBody: 'Inhoud tonen',
			mailStatus: {
				pending: 'wacht',
				sending: 'bezig',
				sent: 'verstuurd',
				failed: 'mislukt',
				kept: 'bewaard'
			},
			noMail: 'Geen e-mail.',
			auditIntro:
				'Wie deed wat en wanneer. Het logboek kan niet gewijzigd worden; oude regels verdwijnen na de bewaartermijn.',
			filterActor: 'Wie (e-mailadres of nummer)',
			filterAction: 'Actie (of het begin ervan, zoals auth.)',
			filterFrom: 'Vanaf',
			filterTo: 'Tot en met',
			filterButton: 'Filteren',
			when: 'Wanneer',
			who: 'Wie',
			action: 'Actie',
			target: 'Betreft',
			noEvents: 'Geen gebeurtenissen gevonden.',
			badDate: 'Vul een geldige datum in.'
		}
	},
	authoring: {
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
	},
	authoringZip: {
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
			frontMatterMissing:
				'de front matter ontbreekt: het bestand moet beginnen met een regel "---"',
			frontMatterLanguage: (opening: string) =>
				`de front matter moet openen met alleen "---"; "${opening}" weigeren we, alleen YAML is toegestaan`,
			frontMatterOpen: 'de front matter is niet afgesloten: zet er een regel "---" na',
			frontMatterMapping: 'de front matter moet bestaan uit sleutels met waarden',
			missing: 'dit bestand ontbreekt',
			unexpectedFile: 'dit bestand hoort hier niet',
			folderName:
				'de mapnaam moet <nn>-<slug> zijn: twee cijfers, een streepje, dan kleine letters, cijfers en streepjes',
			slugUsed: (slug: string, other: string) =>
				`de naam "${slug}" wordt ook gebruikt door ${other}`,
			numberUsed: (nn: string, other: string) =>
				`het nummer ${nn} wordt ook gebruikt door ${other}`,
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
			other: (english: string) => `ongeldige waarde (${english})`
		}
	},
	pretest: {
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
	},
	authoringLearner: {
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
	},
	authoringEditor: {
		overviewTitle: 'Auteursomgeving',
		overviewIntro:
			'Schrijf eigen modules voor je organisatie: begin van een bestaande module met "Dupliceer als concept", of importeer een module.',
		importLink: 'Module importeren',
		ownTitle: 'Jouw modules',
		ownEmpty: 'Je hebt nog geen eigen modules. Dupliceer hieronder een module om te beginnen.',
		ownCaption: 'Jouw modules en concepten',
		colTitle: 'Module',
		colState: 'Stand',
		colOrganisation: 'Organisatie',
		colChanged: 'Laatst gewijzigd',
		colVersion: 'Nieuwste versie',
		colActions: 'Acties',
		changedBy: (when: string, who: string | null) => (who ? `${when} door ${who}` : when),
		noVersion: 'nog geen',
		versionN: (n: number) => `versie ${n}`,
		edit: 'Bewerken',
		history: 'Geschiedenis',
		preview: 'Voorbeeld',
		editLabel: (title: string) => `${title} bewerken`,
		historyLabel: (title: string) => `Geschiedenis van ${title}`,
		previewLabel: (title: string) => `Voorbeeld van ${title}`,
		shippedTitle: 'Modules van Signaalwijs',
		shippedIntro:
			'Deze modules kun je niet wijzigen. Dupliceer er een om er een eigen versie van te maken.',
		othersTitle: 'Andere modules die je mag dupliceren',
		duplicate: 'Dupliceer als concept',
		duplicateLabel: (title: string) => `Dupliceer ${title} als concept`,
		organisationFor: (title: string) => `Organisatie voor de kopie van ${title}`,
		states: {
			concept: 'Concept, nog niet gepubliceerd',
			gepubliceerd: 'Gepubliceerd',
			gewijzigd: 'Gepubliceerd, met wijzigingen die nog niet gepubliceerd zijn'
		},
		platform: 'Heel het platform',
		notFound: 'Deze module bestaat niet of je mag ze niet bewerken.',
		forbidden: 'Dat mag je niet doen met deze module.',
		badForm: 'Dit formulier kon niet verwerkt worden. Laad de pagina opnieuw en probeer nog eens.',
		conflict:
			'Iemand anders (of jij in een ander venster) heeft deze module intussen bewaard. Je wijzigingen hier zijn niet bewaard, zodat niets overschreven wordt.',
		reload: 'Laad de nieuwste versie van deze pagina',
		tooLarge: 'Deze module is te groot om te bewaren. Maak teksten korter of verdeel de module.',
		slugTaken: 'Deze webnaam is al in gebruik; de oude webnaam blijft behouden.',
		duplicateFailed: 'Deze module kan niet gedupliceerd worden. Kies een module uit de lijst.',
		save: 'Bewaren',
		savedAt: (time: string) => `Bewaard om ${time}`,
		saving: 'Bezig met bewaren…',
		saveFailed: 'Bewaren lukte niet. Probeer het opnieuw met de knop Bewaren.',
		autosaveHint: 'Met JavaScript wordt je werk vanzelf bewaard terwijl je typt.',
		issuesTitle: 'Nog te verbeteren voor je kunt publiceren',
		issuesNone: 'Geen problemen gevonden: deze module kan gepubliceerd worden.',
		fieldErrors: 'Niet bewaard voor deze velden',
		editorTitle: (title: string) => `Module bewerken: ${title}`,
		untitled: '(zonder titel)',
		backToOverview: 'Terug naar de auteursomgeving',
		backToModule: (title: string) => `Terug naar ${title}`,
		settings: 'Instellingen',
		slug: 'Webnaam',
		slugHint:
			'Verschijnt in het webadres. Kleine letters, cijfers en streepjes. Vast na de eerste publicatie.',
		slugFixed: (slug: string) => `Webnaam: ${slug} (vast sinds de eerste publicatie)`,
		title: 'Titel',
		summary: 'Samenvatting',
		audience: 'Doelgroep',
		audiences: { leerkracht: 'Leerkrachten', hulpverlener: 'Hulpverleners', both: 'Beide' },
		minutes: 'Geschatte duur in minuten',
		pretest: 'Voortoets: aantal vragen (leeg = geen voortoets)',
		pretestHint:
			'De voortoets trekt zoveel vragen uit de vragenbank van de eindtoets. Deelnemers zien zo wat ze al weten, en jij ziet de leerwinst.',
		passMark: 'Slaaggrens in procent',
		passMarkHint: 'Bijvoorbeeld 70 voor 70 %.',
		validityMonths: 'Geldigheid van het attest in maanden',
		scope: 'Voor wie',
		scopeOrganisation: (name: string) => `Alleen ${name}`,
		scopePlatform: 'Heel het platform (platformtrainer)',
		scopeFixed: (name: string) => `Voor wie: ${name}`,
		sources: 'Bronnen',
		source: (n: number) => `Bron ${n}`,
		sourceTitle: 'Titel van de bron',
		sourcePublisher: 'Uitgever',
		sourceYear: 'Jaar',
		sourceUrl: 'Webadres (niet verplicht)',
		addSource: 'Bron toevoegen',
		removeSource: (n: number) => `Bron ${n} verwijderen`,
		introduction: 'Inleiding (Markdown)',
		markdownHint:
			'Markdown: **vet**, *schuin*, lijstjes met -, koppen met ##. HTML wordt niet uitgevoerd.',
		previewTitle: 'Zo ziet de tekst eruit',
		previewNote: 'Het voorbeeld toont de laatst bewaarde tekst.',
		steps: 'Stappen',
		stepsCaption: 'De stappen van de module, in volgorde',
		kinds: { lesson: 'Les', vignette: 'Casus', quiz: 'Oefenvragen', assessment: 'Eindtoets' },
		stepProblems: (n: number) => (n === 1 ? '1 probleem' : `${n} problemen`),
		noProblems: 'in orde',
		moveUp: (what: string) => `${what} naar boven`,
		moveDown: (what: string) => `${what} naar beneden`,
		remove: (what: string) => `${what} verwijderen`,
		removeShort: 'Verwijderen',
		confirmRemove: (what: string) =>
			`Wil je ${what} echt verwijderen? Dit kan je niet ongedaan maken (gepubliceerde versies blijven wel bestaan).`,
		confirmYes: 'Ja, verwijderen',
		cancel: 'Annuleren',
		stepN: (n: number, title: string) => `Stap ${n}: ${title}`,
		newStepKind: 'Soort nieuwe stap',
		addStep: 'Stap toevoegen',
		publishTitle: 'Publiceren',
		publishIntro:
			'Publiceren maakt een nieuwe versie die niet meer verandert. Wie al bezig is, houdt de versie waarmee hij begon; nieuwe deelnemers krijgen de nieuwste.',
		publish: 'Publiceren',
		published: (n: number) => `Versie ${n} gepubliceerd`,
		publishBlocked: 'Nog niet gepubliceerd: verbeter eerst de punten hieronder.',
		deleteDraft: 'Concept weggooien',
		deleteConfirm:
			'Wil je dit concept echt weggooien? Het is nooit gepubliceerd en verdwijnt helemaal.',
		deleted: 'Het concept is weggegooid.',
		stepTitle: (n: number, title: string) => `Stap ${n} bewerken: ${title}`,
		stepSettings: 'Over deze stap',
		stepKind: (kind: string) => `Soort stap: ${kind}`,
		stepSlug: 'Webnaam van de stap',
		stepTitleLabel: 'Titel van de stap',
		required: 'Verplichte stap (nodig voor de eindtoets)',
		stepText: 'Tekst van de stap (Markdown)',
		previousStep: 'Vorige stap',
		nextStep: 'Volgende stap',
		vignette: 'Casus',
		graphTitle: 'Overzicht van de casus',
		graphIntro: 'Elke situatie met haar keuzes en waar die naartoe leiden.',
		graphStart: 'begin',
		graphTo: 'naar',
		graphUnknown: 'onbekend',
		start: 'Begint bij situatie',
		node: (id: string) => `Situatie ${id}`,
		nodeId: 'Code van de situatie',
		nodeText: 'Wat gebeurt er (tekst)',
		nodeSignals: 'Signalen in deze situatie',
		signalsHint: 'Houd Ctrl (of Cmd) ingedrukt om meerdere signalen te kiezen.',
		choice: (n: number) => `Keuze ${n}`,
		choiceLabel: 'Tekst van de keuze',
		choiceFeedback: 'Feedback na deze keuze',
		choiceScore: 'Score (0 tot 3)',
		choiceNext: 'Gaat naar',
		nextNodes: 'Situaties',
		nextEndings: 'Eindes',
		chooseTarget: 'Kies waar deze keuze naartoe leidt',
		addChoice: (id: string) => `Keuze toevoegen aan situatie ${id}`,
		removeChoice: (n: number, id: string) => `Keuze ${n} van situatie ${id} verwijderen`,
		addNode: 'Situatie toevoegen',
		removeNode: (id: string) => `Situatie ${id} verwijderen`,
		ending: (id: string) => `Einde ${id}`,
		endingId: 'Code van het einde',
		endingTitle: 'Titel van het einde',
		endingSummary: 'Wat er gebeurt (samenvatting)',
		addEnding: 'Einde toevoegen',
		removeEnding: (id: string) => `Einde ${id} verwijderen`,
		items: 'Vragen',
		pool: 'Vragenbank van de eindtoets',
		draw: 'Aantal vragen per eindtoets',
		drawHint: 'De vragenbank moet minstens twee keer zoveel vragen hebben.',
		itemsCaption: 'Vragen van deze stap',
		itemTypes: {
			single: 'Eén juist antwoord',
			multi: 'Meerdere juiste antwoorden',
			mark: 'Signalen aanduiden in een tekst',
			classify: 'Uitspraken indelen',
			judge: 'Inschatten en volgende stap'
		},
		newItemType: 'Soort nieuwe vraag',
		addItem: 'Vraag toevoegen',
		item: (n: number) => `Vraag ${n}`,
		itemTitle: (n: number, step: string) => `Vraag ${n} bewerken · ${step}`,
		backToStep: (title: string) => `Terug naar stap ${title}`,
		itemType: (type: string) => `Soort vraag: ${type}`,
		itemId: 'Code van de vraag',
		prompt: 'Vraag',
		feedback: 'Feedback na het antwoord',
		itemSignals: 'Signalen waarover de vraag gaat',
		options: 'Antwoorden',
		option: (n: number) => `Antwoord ${n}`,
		optionId: 'Code',
		optionText: 'Tekst van het antwoord',
		correct: 'Juist antwoord',
		correctOne: 'Dit is het juiste antwoord',
		optionFeedback: 'Feedback bij dit antwoord (niet verplicht)',
		optionSignals: 'Signalen bij dit antwoord',
		addOption: 'Antwoord toevoegen',
		removeOption: (n: number) => `Antwoord ${n} verwijderen`,
		markText: 'Tekst waarin de lerende aanduidt',
		phrases: 'Stukjes tekst om aan te duiden',
		phrase: (n: number) => `Stukje ${n}`,
		phraseText: 'Stukje (letterlijk uit de tekst)',
		phraseSignal: 'Signaal',
		noSignal: 'Geen signaal (afleider)',
		addPhrase: 'Stukje toevoegen',
		removePhrase: (n: number) => `Stukje ${n} verwijderen`,
		statements: 'Uitspraken',
		statement: (n: number) => `Uitspraak ${n}`,
		statementText: 'Uitspraak',
		answer: 'Juiste categorie',
		answers: { signaal: 'Signaal', 'geen-signaal': 'Geen signaal', context: 'Context' },
		addStatement: 'Uitspraak toevoegen',
		removeStatement: (n: number) => `Uitspraak ${n} verwijderen`,
		concern: 'Hoe bezorgd (inschatting)',
		action: 'Wat doe je nu (volgende stap)',
		historyTitle: (title: string) => `Versies van ${title}`,
		historyIntro:
			'Elke publicatie is een vaste versie. Wie bezig is, houdt de versie waarmee hij begon.',
		historyEmpty: 'Deze module is nog niet gepubliceerd.',
		historyCaption: 'Gepubliceerde versies, de nieuwste eerst',
		colVersionNr: 'Versie',
		colDate: 'Gepubliceerd op',
		colBy: 'Door',
		colScope: 'Voor',
		colInProgress: 'Nog bezig',
		colChanges: 'Wat er veranderde',
		unknownPerson: 'onbekend'
	}
} as const;
