/** The demo accounts seed.sql creates; `npm start` prints them and tests sign in with them. */
export type DemoAccount = { label: string; email: string; password: string; id: string };

export const DEMO_PASSWORD = 'fitcoach-demo';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { label: 'demo trainer', email: 'coach@fitcoach.test', password: DEMO_PASSWORD, id: '00000000-0000-4000-8000-000000000001' },
  { label: 'demo client', email: 'alex@fitcoach.test', password: DEMO_PASSWORD, id: '00000000-0000-4000-8000-000000000002' },
  { label: 'demo client 2', email: 'sam@fitcoach.test', password: DEMO_PASSWORD, id: '00000000-0000-4000-8000-000000000003' },
  { label: 'demo admin', email: 'admin@fitcoach.test', password: DEMO_PASSWORD, id: '00000000-0000-4000-8000-000000000004' },
];
