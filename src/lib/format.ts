// Dates as people in Flanders read them, always in Belgian time (the server may run in UTC).
const dateTime = new Intl.DateTimeFormat('nl-BE', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'Europe/Brussels'
});

export function formatDateTime(value: Date | string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	return dateTime.format(new Date(value));
}
