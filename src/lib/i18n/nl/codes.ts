// Dutch (nl-BE) messages for domain failure codes (src/lib/server/platform/failure.ts). A code is
// `<domain>.<reason>`; a message that needs values takes one object of parameters.
import { ltiCodes } from './ltiCodes';

export const codes = {
	'request.invalid': 'Dit verzoek klopt niet. Laad de pagina opnieuw en probeer het nog eens.',
	'request.notFound': 'Niet gevonden',
	...ltiCodes
} as const;
