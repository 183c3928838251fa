import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from './BarChart.svelte';
import { niceTicks } from './chart-scale';

describe('BarChart', () => {
	it('draws its bars as SVG during server rendering, with a data table', () => {
		const { body } = render(BarChart, {
			props: {
				caption: 'Voltooid per maand',
				labelHeader: 'Maand',
				valueHeader: 'Aantal',
				rows: [
					{ label: 'jan', value: 3 },
					{ label: 'feb', value: 6 }
				]
			}
		});
		const bars = [...body.matchAll(/<rect class="bar[^"]*"[^>]*height="([\d.]+)"/g)];
		expect(bars).toHaveLength(2);
		// The February bar is twice as tall as January's.
		expect(Number(bars[1][1]) / Number(bars[0][1])).toBeCloseTo(2, 1);
		expect(body).toContain('<th scope="row">feb</th><td>6</td>');
		expect(body).toContain('aria-hidden="true"');
	});

	it('renders quickly enough for a dashboard with several charts', () => {
		const rows = Array.from({ length: 12 }, (_, i) => ({ label: `m${i}`, value: i * 3 }));
		const props = { caption: 'x', labelHeader: 'a', valueHeader: 'b', rows, horizontal: true };
		render(BarChart, { props });
		const start = performance.now();
		let size = 0;
		for (let i = 0; i < 20; i++) size += render(BarChart, { props }).body.length;
		// Generous for a loaded CI machine; layerchart needed about 36 ms per chart here.
		expect((performance.now() - start) / 20).toBeLessThan(15);
		expect(size).toBeGreaterThan(0);
	});

	it('gives a count axis whole-number ticks only', () => {
		// One module completed in the busiest month: no ticks at 0.25 or 0.5.
		expect(niceTicks(1, 4, { integer: true })).toEqual([0, 1]);
		expect(niceTicks(2, 4, { integer: true })).toEqual([0, 1, 2]);
		expect(niceTicks(10, 4, { integer: true })).toEqual([0, 5, 10]);
		expect(niceTicks(2, 4)).toContain(0.5);
	});

	it('draws a monthly count chart without fractional tick labels', () => {
		const { body } = render(BarChart, {
			props: {
				caption: 'Voltooid per maand',
				labelHeader: 'Maand',
				valueHeader: 'Aantal',
				rows: [
					{ label: 'jan', value: 0 },
					{ label: 'feb', value: 2 }
				]
			}
		});
		const ticks = [...body.matchAll(/<text class="tick[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1]);
		expect(ticks).toEqual(['0', '1', '2']);
	});

	it('picks round ticks', () => {
		expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
		expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
		expect(niceTicks(0)).toEqual([0, 1]);
	});
});
