import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from './BarChart.svelte';

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
		const bars = [...body.matchAll(/<rect[^>]*class="[^"]*lc-bar[^"]*"[^>]*height="([\d.]+)"/g)];
		expect(bars).toHaveLength(2);
		// The February bar is twice as tall as January's.
		expect(Number(bars[1][1]) / Number(bars[0][1])).toBeCloseTo(2, 1);
		expect(body).toContain('<th scope="row">feb</th><td>6</td>');
		expect(body).toContain('aria-hidden="true"');
	});
});
