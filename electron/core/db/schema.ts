import type { Generated } from 'kysely';

/**
 * The database as the app sees it (camelCase through CamelCasePlugin). Migrations do not import
 * this file: they are frozen in time and write snake_case SQL themselves.
 */
export interface SettingsTable { key: string; valueJson: string }

export interface UsersTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string;
  active: number;
  failedAttempts: Generated<number>;
  nextAttemptAt: string | null;
  recoveryHash: string | null;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface UnitProfileTable {
  id: number;
  agencyName: string;
  squadName: string;
  regionCode: string;
  numberPrefix: string;
  reviewAgency: string;
  court: string;
  address: string;
  phone: string;
  postalCode: string;
  notes: string;
  updatedAt: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  userId: number | null;
  userName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

export interface HolidayYearsTable {
  year: number;
  source: string;
  holidaysJson: string;
  workdaysJson: string;
  importedAt: string;
  importedBy: string;
}

export interface OfficersTable {
  id: Generated<number>;
  name: string;
  certificateNo: string;
  certValidFrom: string;
  certValidTo: string;
  post: string;
  onDuty: number;
  idCard: string;
  phone: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface EnterprisesTable {
  id: Generated<number>;
  uscc: string;
  name: string;
  legalRepresentative: string;
  principal: string;
  address: string;
  township: string;
  industryCode: string;
  categoriesJson: string;
  enforcementLevel: string;
  standardizationGrade: string;
  riskGrade: string | null;
  creditStatus: string;
  accidentHistory: string;
  contactsJson: string;
  notes: string;
  status: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DB {
  settings: SettingsTable;
  users: UsersTable;
  unitProfile: UnitProfileTable;
  auditLog: AuditLogTable;
  holidayYears: HolidayYearsTable;
  officers: OfficersTable;
  enterprises: EnterprisesTable;
}
