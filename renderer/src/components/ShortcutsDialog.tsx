import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMER_SHORTCUT } from '../lib/timerText';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

interface Shortcut {
  /** Keys pressed one after the other ('then') or either of them ('or'). */
  keys: string[];
  join?: 'then' | 'or';
  label: string;
}

/** The keyboard map, opened with `?`. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const close = useStore((s) => s.closeDialog);
  const shortcuts: Shortcut[] = [
    { keys: ['N'], label: t('shortcuts.newIncident') },
    { keys: ['N'], label: t('shortcuts.newClient') },
    { keys: ['/'], label: t('shortcuts.search') },
    { keys: ['G', 'I'], join: 'then', label: t('shortcuts.goIncidents') },
    { keys: ['G', 'C'], join: 'then', label: t('shortcuts.goClients') },
    { keys: ['Ctrl 1…5'], label: t('shortcuts.goRoom') },
    { keys: ['G', 'S'], join: 'then', label: t('shortcuts.openSync') },
    { keys: ['J', 'K'], join: 'or', label: t('shortcuts.moveSelection') },
    { keys: [TIMER_SHORTCUT.toUpperCase()], label: t('shortcuts.timer') },
    { keys: ['Esc'], label: t('shortcuts.closeDialog') },
    { keys: ['?'], label: t('shortcuts.help') },
  ];
  return (
    <Dialog title={t('shortcuts.title')} onClose={close} testId="shortcuts-dialog">
      <dl className="shortcuts">
        {shortcuts.map((s) => (
          <Fragment key={s.label}>
            <dt>
              {s.keys.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 ? <span className="shortcut-join">{s.join === 'then' ? t('shortcuts.then') : '/'}</span> : null}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}
