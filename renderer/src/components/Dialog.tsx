import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Called on Esc or the close button; leave out for a dialog that must be answered. */
  onClose?: () => void;
  testId?: string;
  wide?: boolean;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind it inert and
 * turns Esc into a `cancel` event, which we route to `onClose`.
 */
export function Dialog({ title, children, onClose, testId, wide }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus runs before showModal, which would then move focus to the close button.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose?.();
      }}
      onClose={() => {
        // Chromium may force-close a dialog on a repeated Esc; a required dialog comes straight back.
        const dialog = ref.current;
        if (!onClose && dialog && !dialog.open && dialog.isConnected) dialog.showModal();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {onClose ? (
          <button type="button" className="btn btn-ghost btn-icon" aria-label={t('common.close')} onClick={onClose}>
            <Icon name="close" />
          </button>
        ) : null}
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
