// Column builders shared by the PostgreSQL schema, so each SQLite type maps the same way
// everywhere: epoch milliseconds become `timestamp with time zone`, blobs `bytea`, JSON text
// `jsonb` and 0/1 integers `boolean` (the TypeScript types stay those of the SQLite schema).
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A point in time (SQLite: integer milliseconds since the epoch, `timestamp_ms`). */
export function timestampMs(name: string) {
	return timestamp(name, { withTimezone: true, mode: 'date' });
}

/** Raw bytes (SQLite: blob in buffer mode). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
	dataType: () => 'bytea'
});
