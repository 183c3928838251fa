// The active message catalogue. Only Dutch today; French (Brussels) can be added beside it.
// A re-export, not `const messages = nl`: in the client build `nl` is a namespace of sections
// (scripts/vite-catalogue-sections.ts), and only a re-exported binding lets the bundler keep just
// the sections a page reads.
import type { nl } from './nl';

export { nl as messages } from './nl';
export type Messages = typeof nl;
