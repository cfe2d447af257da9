import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import { TopBar } from './TopBar';

/** A room that exists in the plan but not yet in the product; it says so instead of faking data. */
export function PlaceholderRoom({ room }: { room: 'time' | 'reports' | 'oncall' }) {
  const { t } = useTranslation();
  return (
    <section className="room" aria-labelledby="room-title" data-testid={`room-${room}`}>
      <TopBar title={t(`nav.${room}`)} />
      <div className="empty placeholder">
        <span className="placeholder-icon">
          <Icon name={room} size={22} />
        </span>
        <p className="empty-title">{t(`placeholder.${room}`)}</p>
        <p>{t('placeholder.body')}</p>
      </div>
    </section>
  );
}
