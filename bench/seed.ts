// `npm run bench:seed`: a synthetic platform for the manager benchmarks. 200,000 learners in 40
// organisations (one with 5,000), with enrolments, certificates, signal mastery and about five
// million responses. BENCH_SCALE (e.g. 0.1) shrinks everything except the 5,000-learner
// organisation; BENCH_DB (default ./data/bench.db) is replaced.
// `-- --engine postgres [--to postgres://…]`: then copies that SQLite file into the empty
// PostgreSQL database --to (or BENCH_DATABASE_URL) with db:copy's copySqliteToPostgres and prints
// its rows/s. Without a target it copies into a throwaway server and removes it at the end (the
// copy measured; pass --to to keep the data, then `npm run bench -- --engine postgres` with
// BENCH_DATABASE_URL set to it uses it instead of copying again).
import fs from 'node:fs';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { loadShippedCourse } from '$lib/server/content/course';
import { latestVersionId, syncShippedModules } from '$lib/server/content/versions';
import { hashPassword } from '$lib/server/accounts/auth/password';
import { benchDatabase, onPostgres } from './demo-server';

export const benchManagerEmail = 'beheer@bench.invalid';
export const benchPassword = 'een lange zin voor de benchmark';

const file = process.env.BENCH_DB ?? './data/bench.db';
const scale = Math.min(1, Math.max(0.01, Number(process.env.BENCH_SCALE ?? 1) || 1));
const totalLearners = Math.max(5000 + 39 * 10, Math.round(200_000 * scale));
const bigOrg = 5000;
const organisations = 40;
const responsesPerEnrolment = 10; // ~2.5 enrolments per learner: ~5 million responses at scale 1

for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
const started = Date.now();
const course = loadShippedCourse();
const db = await openDatabase(file);
await syncShippedModules(course);
const sqlite = db.$client;
// Bulk loading only: the benchmark database does not need to survive a power cut.
sqlite.pragma('synchronous = OFF');
sqlite.pragma('cache_size = -200000');

// A small deterministic generator, so every run builds the same platform.
let seed = 42;
const random = () => {
	seed = (seed * 1664525 + 1013904223) % 4294967296;
	return seed / 4294967296;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

const first = [
	'An',
	'Bram',
	'Charlotte',
	'Dries',
	'Els',
	'Fatima',
	'Griet',
	'Hanne',
	'Ilias',
	'Jonas',
	'Lotte',
	'Mehdi',
	'Nina',
	'Pieter',
	'Sofie',
	'Wout',
	'Yasmine',
	'Emre'
];
const last = [
	'Peeters',
	'Janssens',
	'Maes',
	'Jacobs',
	'Mertens',
	'Willems',
	'Claes',
	'Goossens',
	'Wouters',
	'De Smet',
	'Dubois',
	'Lambrecht',
	'El Amrani',
	'Yilmaz',
	'Van Damme'
];
const modules = await Promise.all(
	course.modules.map(async (m) => ({
		slug: m.slug,
		versionId: (await latestVersionId(m.slug))!,
		steps: m.steps.map((s) => s.slug)
	}))
);
const signals = course.signals.map((s) => s.id);
const day = 24 * 3600 * 1000;
const now = Date.now();

const insertOrg = sqlite.prepare('insert into organisation (name) values (?)');
const insertTeam = sqlite.prepare('insert into team (organisation_id, name) values (?, ?)');
const insertUser = sqlite.prepare(
	'insert into user (email, name, password_hash, created_at) values (?, ?, ?, ?)'
);
const insertMember = sqlite.prepare(
	'insert into membership (user_id, organisation_id, role, audience, team_id, created_at) values (?, ?, ?, ?, ?, ?)'
);
const insertEnrolment = sqlite.prepare(
	`insert into enrolment (user_id, module_version_id, module_slug, status, steps_done, steps_total,
		started_at, updated_at, completed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
);
const insertCertificate = sqlite.prepare(
	`insert into certificate (code, user_id, organisation_id, module_slug, module_version_id,
		issued_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)`
);
const insertResponse = sqlite.prepare(
	`insert into response (user_id, enrolment_id, module_version_id, step_slug, item_id, kind, answer,
		score, max_score, signals_hit, signals_missed, is_first, created_at)
		values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
);
const insertMastery = sqlite.prepare(
	'insert into signal_mastery (user_id, signal_id, seen, correct, updated_at) values (?, ?, ?, ?, ?)'
);
const insertAssignment = sqlite.prepare(
	`insert into assignment (organisation_id, module_slug, target, due_at, created_at)
		values (?, ?, 'organisation', ?, ?)`
);

const orgs: { id: number; teams: number[]; size: number }[] = [];
sqlite.transaction(() => {
	const rest = totalLearners - bigOrg;
	for (let o = 0; o < organisations; o++) {
		const id = Number(insertOrg.run(`Bench organisatie ${o + 1}`).lastInsertRowid);
		const teams = Array.from({ length: 10 }, (_, t) =>
			Number(insertTeam.run(id, `Team ${t + 1}`).lastInsertRowid)
		);
		const size = o === 0 ? bigOrg : Math.floor(rest / (organisations - 1));
		orgs.push({ id, teams, size });
		insertAssignment.run(id, modules[1].slug, now - 10 * day, now - 100 * day);
		insertAssignment.run(id, modules[3].slug, now + 30 * day, now - 50 * day);
	}
})();

const managerHash = await hashPassword(benchPassword);
let userNumber = 0;
let responses = 0;
let enrolments = 0;
let certificates = 0;
const batch = 2000;

for (const org of orgs) {
	for (let offset = 0; offset < org.size; offset += batch) {
		sqlite.transaction(() => {
			if (offset === 0 && org === orgs[0]) {
				const manager = Number(
					insertUser.run(benchManagerEmail, 'Bench Beheerder', managerHash, now).lastInsertRowid
				);
				insertMember.run(manager, org.id, 'manager', null, null, now);
			}
			for (let i = offset; i < Math.min(org.size, offset + batch); i++) {
				userNumber += 1;
				const created = now - Math.floor(random() * 700) * day;
				const userId = Number(
					insertUser.run(
						`deelnemer${userNumber}@bench.invalid`,
						`${pick(first)} ${pick(last)} ${userNumber}`,
						null,
						created
					).lastInsertRowid
				);
				insertMember.run(
					userId,
					org.id,
					'learner',
					random() < 0.6 ? 'leerkracht' : 'hulpverlener',
					random() < 0.9 ? pick(org.teams) : null,
					created
				);
				const count = Math.floor(random() * 6); // 0-5 modules, 2.5 on average
				const chosen = [...modules].sort(() => random() - 0.5).slice(0, count);
				for (const m of chosen) {
					const start = created + Math.floor(random() * 300) * day;
					const completed = random() < 0.6;
					const completedAt = completed ? start + Math.floor(random() * 30 + 1) * day : null;
					const updated = completedAt ?? start + Math.floor(random() * 20) * day;
					const enrolmentId = Number(
						insertEnrolment.run(
							userId,
							m.versionId,
							m.slug,
							completed ? 'completed' : 'in_progress',
							completed ? m.steps.length : Math.floor(random() * m.steps.length),
							m.steps.length,
							start,
							updated,
							completedAt
						).lastInsertRowid
					);
					enrolments += 1;
					if (completedAt) {
						certificates += 1;
						insertCertificate.run(
							`bench-${userId}-${m.slug}`,
							userId,
							org.id,
							m.slug,
							m.versionId,
							completedAt,
							completedAt + Math.floor(random() * 800) * day
						);
					}
					for (let r = 0; r < responsesPerEnrolment; r++) {
						const hit = random() < 0.7;
						insertResponse.run(
							userId,
							enrolmentId,
							m.versionId,
							m.steps[r % m.steps.length],
							`item-${r}`,
							r % 3 === 0 ? 'choice' : 'item',
							'["a"]',
							hit ? 1 : 0,
							1,
							hit ? `["${pick(signals)}"]` : '[]',
							hit ? '[]' : `["${pick(signals)}"]`,
							1,
							start + r * 60_000
						);
						responses += 1;
					}
				}
				if (count > 0) {
					for (let s = 0; s < 6; s++) {
						const seen = 1 + Math.floor(random() * 5);
						insertMastery.run(
							userId,
							signals[(userId + s * 7) % signals.length],
							seen,
							Math.floor(random() * (seen + 1)),
							now
						);
					}
				}
			}
		})();
	}
	process.stdout.write(`\r${userNumber} learners, ${responses} responses`);
}
sqlite.pragma('analysis_limit = 1000');
sqlite.exec('analyze');
await closeDatabase();
console.log(
	`\n${file}: ${userNumber} learners in ${organisations} organisations (largest ${bigOrg}), ` +
		`${enrolments} enrolments, ${certificates} certificates, ${responses} responses ` +
		`(scale ${scale}) in ${((Date.now() - started) / 1000).toFixed(0)} s`
);
if (onPostgres) {
	const i = process.argv.indexOf('--to');
	const target = i >= 0 ? process.argv[i + 1] : process.env.BENCH_DATABASE_URL;
	const url = target ?? (await benchDatabase(file));
	const { copySqliteToPostgres } = await import('$lib/server/db/postgres/copy');
	const copyStarted = performance.now();
	const counts = await copySqliteToPostgres({ from: file, to: url });
	const rows = counts.reduce((sum, c) => sum + c.postgres, 0);
	const seconds = (performance.now() - copyStarted) / 1000;
	console.log(
		`Copied into PostgreSQL${target ? ` (${url})` : ' (a throwaway server, removed now; --to keeps it)'}: ` +
			`${rows} rows in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s`
	);
}
