import { formatDateTime, formatRelative } from '../i18n/format';
import { useNow } from '../lib/clock';
import { useStore } from '../store/store';

/** "18 min ago", kept current by the shared half-minute clock; the full time is in the tooltip. */
export function RelativeTime({ iso, className = 'num' }: { iso: string; className?: string }) {
  const language = useStore((s) => s.language);
  const now = useNow();
  return (
    <time className={className} dateTime={iso} title={formatDateTime(iso, language)}>
      {formatRelative(iso, now, language)}
    </time>
  );
}
