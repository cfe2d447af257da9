import { useEffect } from 'react';
import { useStore } from '../store/store';
import { ROUTES, type Route } from '../store/uiSlice';
import { TIMER_SHORTCUT } from './timerText';

const CHORD_MS = 1200;
const GO_KEYS: Record<string, Route> = { i: 'incidents', t: 'time', c: 'clients', r: 'reports', o: 'oncall' };
/** `g s`: the office-server panel is a dialog, not a room, but it is reached the same way. */
const GO_SYNC = 's';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * App-wide keys, Linear style: single letters when no field has focus, `g` then a letter to change
 * room, Ctrl/Alt+1..5 from anywhere. Open dialogs handle their own keys (Esc closes them).
 */
export function useShortcuts(): void {
  useEffect(() => {
    let chordStartedAt = 0;

    function onKeyDown(e: KeyboardEvent): void {
      if (e.defaultPrevented || e.isComposing) return;
      if (document.querySelector('dialog[open]')) return;
      const store = useStore.getState();

      if ((e.ctrlKey || e.altKey) && !e.shiftKey && !e.metaKey && /^[1-5]$/.test(e.key)) {
        const route = ROUTES[Number(e.key) - 1];
        if (route) store.navigate(route);
        e.preventDefault();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;

      if (chordStartedAt && Date.now() - chordStartedAt < CHORD_MS) {
        chordStartedAt = 0;
        if (e.key.toLowerCase() === GO_SYNC) {
          store.openDialog('sync');
          e.preventDefault();
          return;
        }
        const route = GO_KEYS[e.key.toLowerCase()];
        if (route) {
          store.navigate(route);
          e.preventDefault();
        }
        return;
      }

      switch (e.key) {
        case 'g':
          chordStartedAt = Date.now();
          break;
        case 'n':
          if (store.route === 'clients') store.openDialog('newClient');
          else {
            store.navigate('incidents');
            store.openDialog('newIncident');
          }
          break;
        case '/':
          document.querySelector<HTMLInputElement>('[data-search]')?.focus();
          break;
        case TIMER_SHORTCUT:
          void store.toggleTimer();
          break;
        case '?':
          store.openDialog('shortcuts');
          break;
        case 'j':
          if (store.route === 'incidents') store.moveSelection(1);
          break;
        case 'k':
          if (store.route === 'incidents') store.moveSelection(-1);
          break;
        case 'Escape':
          if (store.route === 'incidents' && store.selectedId) store.selectIncident(null);
          // The contract editor stays open: Esc must not throw away a half-written contract.
          if (store.route === 'clients' && store.selectedClientId && !store.contractEditorFor) store.selectClient(null);
          break;
        default:
          return;
      }
      e.preventDefault();
    }

    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
