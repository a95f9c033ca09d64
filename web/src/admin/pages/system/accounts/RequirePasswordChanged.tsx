import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useMe } from '@/shared/session';

/** Sends an account holding a temporary password to the change-password page before anything else. */
export function RequirePasswordChanged({ children }: { children: ReactNode }) {
  const { access } = useMe();
  if (access.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}
