import { describe, expect, it } from 'vitest';
import { homePathFor, navItemsFor, sectionsFor, type NavRole } from './navigation';

describe('role-aware navigation', () => {
  it.each<[NavRole, string, string[]]>([
    ['client', '/today', ['Home', 'Today', 'Progress', 'History', 'Bookings', 'Account']],
    ['trainer', '/clients', ['Clients', 'Programs', 'Library', 'Check-ins', 'Schedule', 'Account']],
    ['admin', '/clients', ['Clients', 'Programs', 'Library', 'Check-ins', 'Schedule', 'Account']],
  ])('%s lands on %s and sees %j', (role, home, labels) => {
    expect(homePathFor(role)).toBe(home);
    expect(navItemsFor(role).map((i) => i.label)).toEqual(labels);
    expect(sectionsFor(role).has(home.slice(1))).toBe(true);
  });

  it('keeps client logging out of the trainer menu and the roster out of the client menu', () => {
    expect(sectionsFor('trainer').has('today')).toBe(false);
    expect(sectionsFor('client').has('clients')).toBe(false);
    expect(sectionsFor('client').has('check-ins')).toBe(false);
    expect(sectionsFor('trainer').has('progress')).toBe(false);
  });
});
