import type { Db } from '../store/db.js';
import { importCountyRows, type ImportSummary } from '../store/org-import.js';
import type { County, Org } from './types.js';

export { loadImportedCounty, loadImportedOrg, type ImportSummary } from '../store/org-import.js';

/** Imports one community's organisation (today's file) in one transaction. */
export function importOrg(db: Db, org: Org): Promise<ImportSummary> {
  return importCountyRows(db, { staff: [], accounts: [], communities: [org] });
}

/** Imports a county (every community, its staff) into one database in one transaction. */
export function importCounty(db: Db, county: County): Promise<ImportSummary> {
  return importCountyRows(db, county);
}
