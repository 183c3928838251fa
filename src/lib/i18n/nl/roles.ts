// Dutch (nl-BE) interface text: the roles section of the catalogue.
export const roles = {
	learner: 'deelnemer',
	trainer: 'trainer',
	manager: 'beheerder',
	admin: 'platformbeheerder'
} as const;
