// Dutch (nl-BE) interface text: the LTI section (opening modules from a school's LMS).
export const lti = {
	loginTitle: 'Aanmelden vanuit je leeromgeving',
	launchTitle: 'Signaalwijs openen vanuit je leeromgeving',
	launchInfo:
		'Deze pagina opent Signaalwijs vanuit de leeromgeving van je school (Smartschool, Moodle, Canvas ...). Open de module via de link in je cursus.',
	frameTitle: 'Open Signaalwijs in een nieuw venster',
	frameText:
		'Je leeromgeving toont Signaalwijs in een kader. Veel browsers laten je daar niet aanmelden. Open Signaalwijs in een nieuw venster om verder te gaan.',
	frameButton: 'Open in een nieuw venster',
	frameNewWindow: '(opent in een nieuw venster)',
	pickTitle: 'Kies een module voor je cursus',
	pickIntro:
		'Kies de modules die je in je cursus wil zetten. Je deelnemers openen ze vanuit je leeromgeving zonder extra aanmelding.',
	pickIntroGrades: 'Je leeromgeving krijgt ook het resultaat van de eindtoets (op 100).',
	pickLegend: 'Modules',
	pickSubmit: 'Toevoegen aan mijn cursus',
	returnTitle: 'Terug naar je leeromgeving',
	returnText: 'We sturen je keuze naar je leeromgeving.',
	returnButton: 'Verder naar je leeromgeving',
	refusedTitle: 'Openen vanuit je leeromgeving lukte niet',
	admin: {
		title: 'LMS-koppelingen (LTI 1.3)',
		intro:
			'Koppel de leeromgeving van een organisatie aan Signaalwijs. Deelnemers openen dan modules vanuit hun cursus, zonder extra aanmelding, en hun resultaat gaat naar het puntenboek van de leeromgeving.',
		toolTitle: 'Wat de beheerder van de leeromgeving invult',
		toolIntro:
			'Deze waarden zijn voor elke leeromgeving dezelfde. De stappen voor Moodle en andere leeromgevingen staan in de handleiding (docs/lti.md).',
		loginUrl: 'Aanmeld-URL (OpenID Connect login initiation URL)',
		launchUrl: 'Start-URL (launch / redirect URL)',
		deepLinkingUrl: 'URL voor het kiezen van inhoud (deep linking URL)',
		jwksUrl: 'Publieke sleutelset van Signaalwijs (public keyset URL)',
		kid: 'Sleutel-id (kid)',
		domain: 'Domein',
		registerTitle: 'Een leeromgeving registreren',
		name: 'Naam van de koppeling',
		organisation: 'Organisatie',
		issuer: 'Platform-ID (issuer)',
		clientId: 'Client-ID',
		deploymentIds: 'Deployment-ID’s (één per regel)',
		authUrl: 'Authenticatie-URL van het platform (OIDC authorisation URL)',
		tokenUrl: 'Token-URL van het platform (access token URL)',
		platformJwksUrl: 'Sleutelset-URL van het platform (public keyset URL)',
		register: 'Leeromgeving registreren',
		registered: (name: string) => `${name} is geregistreerd.`,
		duplicate: 'Deze combinatie van platform-ID en client-ID is al geregistreerd.',
		noOrganisation: 'Kies een bestaande organisatie.',
		platformsTitle: 'Geregistreerde leeromgevingen',
		noPlatforms: 'Er is nog geen leeromgeving geregistreerd.',
		queueTitle: 'Resultaten naar de leeromgevingen',
		queueIntro:
			'Een resultaat dat niet aankwam, blijft bewaard en wordt later opnieuw verstuurd, telkens met een langere pauze.',
		queueEmpty: 'Er zijn nog geen resultaten verstuurd.',
		queueWaiting: (count: number) =>
			count === 1 ? 'Eén resultaat wacht nog.' : `${count} resultaten wachten nog.`,
		retry: 'Nu opnieuw versturen',
		retried: (count: number) =>
			count === 1
				? 'Eén resultaat wordt nu opnieuw verstuurd.'
				: `${count} resultaten worden nu opnieuw verstuurd.`,
		colPlatform: 'Leeromgeving',
		colLearner: 'Deelnemer',
		colModule: 'Module',
		colScore: 'Score',
		colStatus: 'Status',
		colAttempts: 'Pogingen',
		colError: 'Laatste fout',
		colNext: 'Volgende poging',
		/** The stored reason a score did not arrive (see `DeliveryFailure` in lti/passback.ts). */
		deliveryError: (code: string) => {
			const [kind, status] = code.split(':');
			switch (kind) {
				case 'score-refused':
					return `De leeromgeving weigerde het resultaat (HTTP-status ${status}).`;
				case 'token-refused':
					return `De leeromgeving gaf geen toegang om resultaten te sturen (HTTP-status ${status}).`;
				case 'token-missing':
					return 'De leeromgeving gaf geen toegangssleutel terug.';
				case 'platform-gone':
					return 'Deze leeromgeving is niet meer geregistreerd.';
				default:
					return 'De leeromgeving was niet bereikbaar.';
			}
		},
		statusSent: 'Verstuurd',
		statusPending: 'Wacht',
		statusSending: 'Bezig',
		urlInvalid: 'Vul een volledige URL in die begint met https:// (of http:// voor een test).',
		nameRequired: 'Vul een naam in.',
		clientIdRequired: 'Vul de client-ID in.',
		deploymentRequired: 'Vul minstens één deployment-ID in.'
	}
} as const;
