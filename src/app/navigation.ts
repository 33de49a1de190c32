/** Which screens each role sees, and where each lands. Routes not listed for a role send it home. */
export type NavRole = 'client' | 'trainer' | 'admin';
export type NavItem = { path: string; label: string; icon: string };

const CLIENT: NavItem[] = [
  { path: '/home', label: 'Home', icon: 'home' },
  { path: '/today', label: 'Today', icon: 'today' },
  { path: '/progress', label: 'Progress', icon: 'progress' },
  { path: '/history', label: 'History', icon: 'history' },
  { path: '/bookings', label: 'Bookings', icon: 'bookings' },
  { path: '/account', label: 'Account', icon: 'account' },
];

const TRAINER: NavItem[] = [
  { path: '/clients', label: 'Clients', icon: 'clients' },
  { path: '/programs', label: 'Programs', icon: 'programs' },
  { path: '/library', label: 'Library', icon: 'library' },
  { path: '/check-ins', label: 'Check-ins', icon: 'check-ins' },
  { path: '/schedule', label: 'Schedule', icon: 'bookings' },
  { path: '/account', label: 'Account', icon: 'account' },
];

export function navItemsFor(role: NavRole): NavItem[] {
  return role === 'client' ? CLIENT : TRAINER;
}

export function homePathFor(role: NavRole): string {
  return role === 'client' ? '/today' : '/clients';
}

/** Paths (first segment) a role may open. */
export function sectionsFor(role: NavRole): Set<string> {
  return new Set(navItemsFor(role).map((item) => item.path.split('/')[1] ?? ''));
}
