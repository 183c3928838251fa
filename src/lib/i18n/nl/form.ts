// Dutch (nl-BE) interface text: the form section of the catalogue.
export const form = {
	errorSummary: 'Er is iets niet in orde',
	required: (label: string) => `Vul ${label} in.`,
	invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@school.be.',
	tooLong: (label: string, n: number) => `${label} mag hoogstens ${n} tekens lang zijn.`,
	invalidChoice: (label: string) => `Kies een geldige waarde voor ${label}.`,
	invalidText: (label: string) => `${label} bevat tekens die niet toegelaten zijn.`
} as const;
