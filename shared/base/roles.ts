/**
 * Who may do what. The core checks this on every channel; the renderer uses the same table only to
 * decide what to show, which is convenience, not security.
 */
export const ROLES = ['clerk', 'reviewer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'ledger.read',
  'ledger.write',
  'ledger.import',
  'ledger.export',
  'roster.read',
  'roster.write',
  'inspections.read',
  'inspections.write',
  'documents.read',
  'documents.write',
  'documents.issue',
  'cases.read',
  'cases.write',
  'cases.review',
  'cases.approve',
  'users.manage',
  'unit.manage',
  'settings.manage',
  'audit.read',
  'backup.manage',
  'calendar.manage',
  /** 数据上报: make upload packages of the whole record. */
  'exports.make',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * 办案人员 keep the ledger and run cases; 法制审核员 read everything, record 法制审核 opinions and sign the 审核 row of
 * an approval form; 大队负责人 keep the roster and sign its 审批 row; the admin runs the installation. Reviewers do not edit the ledger: their job is to check it.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  clerk: [
    'ledger.read',
    'ledger.write',
    'ledger.import',
    'ledger.export',
    'roster.read',
    'inspections.read',
    'inspections.write',
    'documents.read',
    'documents.write',
    'documents.issue',
    'cases.read',
    'cases.write',
    'exports.make',
  ],
  reviewer: [
    'ledger.read',
    'ledger.export',
    'roster.read',
    'inspections.read',
    'documents.read',
    'cases.read',
    'cases.review',
  ],
  supervisor: [
    'ledger.read',
    'ledger.write',
    'ledger.import',
    'ledger.export',
    'roster.read',
    'roster.write',
    'inspections.read',
    'inspections.write',
    'documents.read',
    'documents.write',
    'documents.issue',
    'cases.read',
    'cases.write',
    'cases.approve',
    'exports.make',
  ],
  admin: [...PERMISSIONS],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
