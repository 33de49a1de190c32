import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useSessionStore } from '@/features/account';
import { useDeviceStore } from '@/lib/device-store';

/**
 * Screens read the device database: they render once the signed-in user's is open, while the
 * app's frame (header, sync indicator, navigation) is already drawn around them. Without
 * children it is a layout route (its screens render in its Outlet). `quiet`: nothing in their
 * place until then.
 */
export function DeviceGate({ children, quiet = false }: { children?: ReactNode; quiet?: boolean }) {
  const userId = useSessionStore((s) => s.session?.user.id);
  const open = useDeviceStore((s) => s.status === 'ready' && s.userId === userId);
  if (open) return <>{children ?? <Outlet />}</>;
  if (quiet) return null;
  return (
    <p className="screen-loading" aria-busy="true">
      Opening your data…
    </p>
  );
}
