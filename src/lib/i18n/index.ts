// The active message catalogue. Only Dutch today; French (Brussels) can be added beside it.
import { nl } from './nl';

export const messages = nl;
export type Messages = typeof nl;
