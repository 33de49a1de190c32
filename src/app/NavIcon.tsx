/** Small line icons for the navigation (inline SVG: no icon font, nothing to download). */
const PATHS: Record<string, string> = {
  today: 'M6 8v8M18 8v8M3 10v4M21 10v4M6 12h12',
  history: 'M4 19V5M4 19h16M8 15l4-5 3 3 5-6',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4 21c1-4 4-6 8-6s7 2 8 6',
  home: 'M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10',
  progress: 'M4 20h16M6 16l4-5 3 3 5-7M15 7h3v3',
  'check-ins': 'M9 4h6v3H9zM7 5H5v16h14V5h-2M8 13l2.5 2.5L16 10',
  clients: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM2 20c.8-3.5 3.5-5 7-5s6.2 1.5 7 5M16 4.5a3.5 3.5 0 0 1 0 6.5M18 15c2 .6 3.4 2.2 4 5',
  programs: 'M9 4h6v3H9zM7 5H5v16h14V5h-2M8 12h8M8 16h5',
  library: 'M4 5h5v15H4zM10 5h5v15h-5zM16 6l4 1-3 13-4-1',
  bookings: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z',
};

export function NavIcon({ name }: { name: string }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name] ?? PATHS.today} />
    </svg>
  );
}
