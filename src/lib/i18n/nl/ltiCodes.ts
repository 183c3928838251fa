// Dutch (nl-BE) messages for the LTI refusal codes (src/lib/server/lti), spread into codes.ts.
const again =
	'Open de module opnieuw vanuit je leeromgeving. Lukt het dan nog niet, meld het aan de beheerder van je leeromgeving.';

export const ltiCodes = {
	'lti.badToken': `Je leeromgeving stuurde een bericht dat we niet kunnen lezen. ${again}`,
	'lti.badSignature': `We konden niet nagaan dat dit bericht echt van je leeromgeving komt. ${again}`,
	'lti.expired': `Het bericht van je leeromgeving is verlopen. ${again}`,
	'lti.wrongAudience': `Dit bericht was niet voor Signaalwijs bedoeld. ${again}`,
	'lti.wrongIssuer': `Dit bericht komt niet van de leeromgeving die we verwachtten. ${again}`,
	'lti.nonce': `Dit bericht hoort niet bij deze aanmelding. ${again}`,
	'lti.replayed': `Dit bericht werd al eens gebruikt. ${again}`,
	'lti.wrongVersion': `Je leeromgeving gebruikt een versie van LTI die we niet kennen. ${again}`,
	'lti.unknownDeployment': `Deze koppeling in je leeromgeving is niet bij Signaalwijs geregistreerd. ${again}`,
	'lti.wrongMessageType': `Signaalwijs kan dit soort bericht van je leeromgeving niet verwerken. ${again}`,
	'lti.targetLink': `Deze link leidt niet naar Signaalwijs. ${again}`,
	'lti.state': `Deze aanmelding is verlopen of hoort bij een ander venster. ${again}`,
	'lti.unknownPlatform': `Deze leeromgeving is niet bij Signaalwijs geregistreerd. ${again}`,
	'lti.login': `De aanmelding vanuit je leeromgeving is onvolledig. ${again}`,
	'lti.deepLinkExpired':
		'Deze keuze is verlopen. Begin opnieuw vanuit je leeromgeving om een module toe te voegen.',
	'lti.noModuleChosen': 'Kies minstens één module.',
	'lti.oneModuleOnly': 'Je leeromgeving aanvaardt maar één module tegelijk. Kies er één.'
} as const;
