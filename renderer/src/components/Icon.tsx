export type IconName =
  | 'incidents'
  | 'time'
  | 'clients'
  | 'reports'
  | 'oncall'
  | 'plus'
  | 'search'
  | 'close'
  | 'sun'
  | 'moon'
  | 'keyboard'
  | 'edit'
  | 'server'
  | 'check'
  | 'refresh'
  | 'live'
  | 'notLive'
  | 'alert'
  | 'arrowUp'
  | 'laptop'
  | 'pause'
  | 'chevronLeft'
  | 'chevronRight'
  | 'send'
  | 'lock'
  | 'trash'
  | 'globe'
  | 'calendar';

// 16px line icons drawn on a 24-unit grid; strokes inherit the text colour.
const PATHS: Record<IconName, string> = {
  incidents: 'M12 3 2.5 19.5h19L12 3Zm0 6v5m0 3v.01',
  time: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-14v5l3 2',
  clients: 'M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16M15 9h4a1 1 0 0 1 1 1v11M2 21h20M8 8h3m-3 4h3m-3 4h3',
  reports: 'M4 20V10m6 10V4m6 16v-7m4 7H2',
  oncall: 'M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9Zm-4.27 13a2 2 0 0 1-3.46 0',
  plus: 'M12 5v14M5 12h14',
  search: 'M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm10 2-4.35-4.35',
  close: 'M18 6 6 18M6 6l12 12',
  sun: 'M12 17a5 5 0 1 0 0-10 5 5 0 0 0 0 10Zm0-16v2m0 18v2M4.22 4.22l1.42 1.42m12.72 12.72 1.42 1.42M1 12h2m18 0h2M4.22 19.78l1.42-1.42M18.36 5.64l1.42-1.42',
  moon: 'M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79Z',
  keyboard: 'M3 6h18a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1Zm3 4h.01M10 10h.01M14 10h.01M18 10h.01M8 14h8',
  edit: 'M12 20h9M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4 12.5-12.5Z',
  server:
    'M4 3h16a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Zm0 10h16a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1Zm3-6h.01M7 17h.01',
  check: 'M20 6 9 17l-5-5',
  refresh: 'M21 12a9 9 0 0 0-15.5-6.2L3 8.5M3 3v5.5h5.5M3 12a9 9 0 0 0 15.5 6.2l2.5-2.7M21 21v-5.5h-5.5',
  live: 'M5 12.55a11 11 0 0 1 14 0M1.5 9a16 16 0 0 1 21 0M8.5 16.1a6 6 0 0 1 7 0M12 20h.01',
  notLive:
    'M2 2l20 20M8.5 16.5a5 5 0 0 1 7 0M2 8.8a15 15 0 0 1 4.2-2.6M10.7 5c4-.4 8.1.9 11.3 3.8M16.9 11.3a10 10 0 0 1 2.2 1.7M5 13a10 10 0 0 1 5.2-2.8M12 20h.01',
  alert: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20Zm0-14v4.5m0 3.5h.01',
  arrowUp: 'M12 19V5m-6 6 6-6 6 6',
  pause: 'M9 5v14M15 5v14',
  chevronLeft: 'm15 18-6-6 6-6',
  chevronRight: 'm9 18 6-6-6-6',
  send: 'M22 2 11 13M22 2l-7 20-4-9-9-4 20-7Z',
  lock: 'M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Zm2 0V7a4 4 0 1 1 8 0v4',
  trash: 'M3 6h18M8 6V4h8v2m-9 0 1 14h8l1-14',
  globe: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-9-9h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3Z',
  calendar: 'M5 5h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm11-2v4M8 3v4M4 10h16',
  laptop: 'M5 5h14a1 1 0 0 1 1 1v10H4V6a1 1 0 0 1 1-1Zm-3 11h20v1.5a1.5 1.5 0 0 1-1.5 1.5h-17A1.5 1.5 0 0 1 2 17.5V16Z',
};

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
