// Opening and closing the database at server start and shutdown: the one part of db/ that the
// server's hooks need, offered through the platform face so hooks never import db/.
export { closeDatabase, MigrationError, openDatabase } from '../db';
