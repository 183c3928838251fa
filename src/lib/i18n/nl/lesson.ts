// Dutch (nl-BE) interface text: the lesson section of the catalogue (the components that lessons
// in modules/ place in their prose, and the signal category names).
export const lesson = {
	phasesCaption: 'De vier fasen van de tienerpooiermethode',
	phases: [
		{
			name: 'Ronselen',
			text: 'De dader zoekt contact met een jongere, online of op plaatsen waar jongeren samenkomen, en kiest vaak iemand die kwetsbaar is.'
		},
		{
			name: 'Inpalmen',
			text: 'Met aandacht, cadeaus, geld, status of net met druk en dreiging maakt de dader de jongere afhankelijk van zich.'
		},
		{
			name: 'Isoleren',
			text: 'De jongere raakt los van familie, vrienden en school, zodat de dader de belangrijkste of enige houvast wordt.'
		},
		{
			name: 'Uitbuiten',
			text: 'De dader dwingt de jongere tot seksuele handelingen of prostitutie en houdt haar of hem vast met schuld, schaamte of geweld.'
		}
	],
	phasesNote:
		'Let op: de volgorde en de snelheid verschillen van jongere tot jongere. Fasen kunnen door elkaar lopen of overgeslagen worden, en het ronselen kan soms in minder dan een week gebeuren.',
	signalLabel: (params: { title: string }) => `Signaal: ${params.title}`,
	category: 'Categorie: ',
	/** Category names on a signal card in a lesson. */
	cardCategories: {
		uiterlijk: 'Uiterlijk',
		gedrag: 'Gedrag en emoties',
		school: 'School',
		relaties: 'Relaties',
		online: 'Online en gsm',
		geld: 'Geld en spullen',
		lichamelijk: 'Lichamelijk en seksueel',
		plaatsen: 'Plaatsen'
	},
	/** Category names in exercises, reports and the editor. */
	categories: {
		uiterlijk: 'Uiterlijk',
		gedrag: 'Gedrag',
		school: 'School',
		relaties: 'Relaties en vrienden',
		online: 'Online',
		geld: 'Geld en spullen',
		lichamelijk: 'Lichamelijk',
		plaatsen: 'Plaatsen en verblijf'
	}
} as const;
