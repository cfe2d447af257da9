import type { Theme } from '../../store/uiSlice';
import type { SeriesKey } from './reportSeries';

/**
 * Chart colours per theme, each at least 3:1 against the theme's surface (WCAG 1.4.11, graphics;
 * tested in chartColors.test.ts). Stacked segments are parted by a line in the surface colour, so
 * neighbours need not differ from each other by 3:1; the table beside each chart carries the numbers.
 */

export interface ChartPalette {
  surface: string;
  text: string;
  grid: string;
  series: Record<SeriesKey, string>;
  balance: string;
  purchase: string;
  threshold: (percent: number) => string;
}

const LIGHT: ChartPalette = {
  surface: '#ffffff',
  text: '#5c6370',
  grid: '#e3e5ea',
  series: {
    monitoring: '#1d4ed8',
    security: '#b91c1c',
    cms_help: '#047857',
    bugfix: '#7c3aed',
    scaling: '#b45309',
    unsorted: '#64748b',
    noIncident: '#0e7490',
    changeRequest: '#be185d',
  },
  balance: '#4f5bd5',
  purchase: '#047857',
  threshold: (p) => (p >= 25 ? '#a16207' : p > 0 ? '#c2410c' : '#b91c1c'),
};

const DARK: ChartPalette = {
  surface: '#16171c',
  text: '#a0a5b0',
  grid: '#2a2c33',
  series: {
    monitoring: '#60a5fa',
    security: '#f87171',
    cms_help: '#34d399',
    bugfix: '#a78bfa',
    scaling: '#fbbf24',
    unsorted: '#94a3b8',
    noIncident: '#22d3ee',
    changeRequest: '#f472b6',
  },
  balance: '#8f9bff',
  purchase: '#34d399',
  threshold: (p) => (p >= 25 ? '#facc15' : p > 0 ? '#fb923c' : '#f87171'),
};

export function paletteFor(theme: Theme): ChartPalette {
  return theme === 'dark' ? DARK : LIGHT;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
