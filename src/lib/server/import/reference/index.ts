/** Public surface of the reference-data import. */
export { importReferenceData, META_DATA_HASH, META_IMPORTED_AT } from './import.ts';
export type { ImportReport, TableReport } from './import.ts';
export { ImportError, type ImportErrorLocation } from './errors.ts';
export { REFERENCE_FILES, type ReferenceFileKey, type ReferenceTexts } from './files.ts';
export { TABLE_NAMES, type ReferenceTable } from './tables.ts';
export { buildReferenceSql, DEFAULT_SQL_LIMITS, referenceSqlFiles } from './sql-file.ts';
export type { ReferenceSql, SqlFile, SqlLimits } from './sql-file.ts';
