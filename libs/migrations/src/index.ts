export { readMigrationFiles, type MigrationFile } from './migration-files';
