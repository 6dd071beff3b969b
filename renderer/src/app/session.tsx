import { createContext, useContext } from 'react';
import type { AppInfo, SessionInfo } from '../../../shared/api/contract.ts';
import type { Permission } from '../../../shared/base/roles.ts';

export interface SessionContextValue {
  info: AppInfo;
  session: SessionInfo;
  can(permission: Permission): boolean;
  signOut(): Promise<void>;
  refreshInfo(): Promise<void>;
  leaveDemo(): void;
  /** Leaves this workspace for the demo county (signed in there afresh). */
  enterDemo(): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the signed-in shell');
  return value;
}
