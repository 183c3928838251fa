import { describe, expect, it } from 'vitest';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { integer as pgInteger, pgTable, text as pgText } from 'drizzle-orm/pg-core';
import * as sqliteSchema from '../sqlite-schema';
import * as postgresSchema from './schema';
import { describeSchema, schemaDifferences } from './parity';

/**
 * Differences on purpose, each with its reason. A line here that no longer occurs fails the
 * test too, so the list cannot go stale.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
	'table response: index response_statistics_scoped (module_version_id, attempt_id, is_first, step_slug, enrolment_id, item_id, kind, score, max_score, answer, user_id): in SQLite only':
		'PostgreSQL B-tree entries must fit in a third of a page; a long jsonb answer would fail',
	'table response: index response_statistics_scoped (module_version_id, attempt_id, is_first, step_slug, enrolment_id, item_id, kind, score, max_score, user_id): in PostgreSQL only':
		'the same index without the answer column'
};

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
	const differences = schemaDifferences(
		describeSchema(sqliteSchema),
		describeSchema(postgresSchema)
	);

	it('has the same tables, columns, nullability, keys, unique constraints and indexes', () => {
		const unexpected = differences.filter((line) => !(line in KNOWN_DIFFERENCES));
		// On failure the message lists each difference; mirror the SQLite change in
		// src/lib/server/db/postgres/*.schema.ts and run
		// `npx drizzle-kit generate --config drizzle.postgres.config.ts --name <what>`.
		expect(unexpected.join('\n'), 'SQLite and PostgreSQL schemas differ').toBe('');
	});

	it('lists only known differences that still exist', () => {
		const stale = Object.keys(KNOWN_DIFFERENCES).filter((line) => !differences.includes(line));
		expect(stale).toEqual([]);
	});

	it('covers every SQLite table', () => {
		expect(describeSchema(postgresSchema).size).toBe(describeSchema(sqliteSchema).size);
		expect(describeSchema(sqliteSchema).size).toBeGreaterThan(20);
	});
});

describe('schemaDifferences', () => {
	it('names a missing table, a column type, nullability and an index that differ', () => {
		const a = sqliteTable(
			't',
			{ id: integer('id').primaryKey(), note: text('note').notNull(), at: integer('at') },
			(t) => [index('t_note').on(t.note)]
		);
		const extra = sqliteTable('extra', { id: integer('id').primaryKey() });
		const b = pgTable('t', {
			id: pgInteger('id').primaryKey(),
			note: pgText('note'),
			at: pgText('at')
		});
		const lines = schemaDifferences(describeSchema({ a, extra }), describeSchema({ a: b }));
		expect(lines).toEqual([
			'table extra (export extra): in SQLite only; add it to src/lib/server/db/postgres/*.schema.ts',
			'column t.at (property at): kind is integer on SQLite but text on PostgreSQL',
			'column t.note (property note): notNull is true on SQLite but false on PostgreSQL',
			'table t: index t_note (note): in SQLite only'
		]);
	});
});
