// `npm run bench:pdf`: how long one certificate PDF takes to generate (target: median ≤ 50 ms).
// Prints the median, p95 and size; not a test.
import fs from 'node:fs';
import { renderCertificatePdf } from '$lib/server/certificates/pdf';

const runs = Number(process.env.RUNS ?? 200);
const warmup = 20;
const input = (i: number) => ({
	learnerName: i % 2 ? 'Zoë Ïnès Vandenbroucke-Dubois' : 'Lotte Janssens',
	moduleTitle: 'Signalen herkennen in de hulpverlening',
	issuedAt: new Date('2026-05-03T10:00:00Z'),
	expiresAt: new Date('2028-05-03T10:00:00Z'),
	code: 'ABCD-EFGH-IJKM-NPQR-STUV-WXYZ-2345',
	verifyUrl: `https://signaalwijs.be/verifieer/abcdefghijkmnpqrstuvwxyz23${i % 10}${i % 7}`,
	organisation: i % 3 ? null : 'Jeugdhulp Horizon (demo)'
});

let bytes = new Uint8Array();
for (let i = 0; i < warmup; i++) bytes = await renderCertificatePdf(input(i));
const times: number[] = [];
for (let i = 0; i < runs; i++) {
	const start = performance.now();
	bytes = await renderCertificatePdf(input(i));
	times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p95 = times[Math.floor(times.length * 0.95)];
if (process.env.PDF_OUT) fs.writeFileSync(process.env.PDF_OUT, bytes);
console.log(
	`certificate PDF: ${runs} runs, median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
		`${(bytes.length / 1024).toFixed(1)} KB (target: median ≤ 50 ms) ${median <= 50 ? 'OK' : 'TOO SLOW'}`
);
