import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { AchievementToasts } from '@/features/progress';
import { DeviceGate } from './DeviceGate';
import { NavIcon } from './NavIcon';
import { navItemsFor, type NavRole } from './navigation';
import { SyncIndicator } from './SyncIndicator';
import { UpdatePrompt } from './UpdatePrompt';

export function ScreenLoading() {
  return (
    <p className="screen-loading" aria-busy="true">
      Loading…
    </p>
  );
}

/** Header with the sync indicator, role-aware navigation (bottom bar on phones, side bar on laptops). */
export function AppShell({ role }: { role: NavRole }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <Link to="/" className="brand" aria-label="FitCoach home">
          <img src="/icon.svg" alt="" width="28" height="28" />
          <span>FitCoach</span>
        </Link>
        <SyncIndicator />
      </header>
      <nav className="main-nav" aria-label="Main">
        <ul>
          {navItemsFor(role).map((item) => (
            <li key={item.path}>
              <NavLink to={item.path}>
                <NavIcon name={item.icon} />
                <span>{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<ScreenLoading />}>
          <Outlet />
        </Suspense>
      </main>
      {role === 'client' && (
        <DeviceGate quiet>
          <AchievementToasts />
        </DeviceGate>
      )}
      <UpdatePrompt />
    </div>
  );
}
