/** Which screens each role sees, and where each lands. Routes not listed for a role send it home. */
export type NavRole = 'client' | 'trainer' | 'admin';
export type NavItem = { path: string; label: string; icon: string };

const CLIENT: NavItem[] = [
  { path: '/today', label: 'Today', icon: '🏋' },
  { path: '/history', label: 'History', icon: '📈' },
  { path: '/account', label: 'Account', icon: '👤' },
];

const TRAINER: NavItem[] = [
  { path: '/clients', label: 'Clients', icon: '👥' },
  { path: '/programs', label: 'Programs', icon: '🗂' },
  { path: '/library', label: 'Library', icon: '📚' },
  { path: '/account', label: 'Account', icon: '👤' },
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
