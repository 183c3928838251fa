// The active message catalogue. Only Dutch today; French (Brussels) can be added beside it.
// `messages` is the namespace of the Dutch sections (src/lib/i18n/nl/<section>.ts): reading
// `messages.section.key` lets the bundler keep just the sections a page reads.
import type * as nl from './nl';

export * as messages from './nl';
export type Messages = typeof nl;
