import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store/store';
import { PlatformForm } from './PlatformForm';

/** The sites and applications the agency looks after for this client, and a form to add one. */
export function PlatformsCard() {
  const { t } = useTranslation();
  const platforms = useStore((s) => s.platforms);
  const status = useStore((s) => s.platformsStatus);
  const error = useStore((s) => s.platformsError);
  const [adding, setAdding] = useState(false);

  return (
    <section className="card platforms-card" aria-labelledby="platforms-title" data-testid="platforms-card">
      <header className="card-head">
        <h3 id="platforms-title" className="card-title">
          {t('platforms.title')}
        </h3>
        <span className="spacer" />
        {!adding ? (
          <button type="button" className="btn btn-small" data-testid="platform-add" onClick={() => setAdding(true)}>
            <Icon name="plus" size={13} />
            {t('platforms.add')}
          </button>
        ) : null}
      </header>
      {status === 'error' ? <ErrorAlert error={error} testId="platforms-error" /> : null}
      {status === 'ready' && platforms.length === 0 && !adding ? <p className="card-empty muted">{t('platforms.empty')}</p> : null}
      {platforms.length > 0 ? (
        <ul className="platforms" data-testid="platform-list">
          {platforms.map((p) => (
            <li key={p.id} className="platform" data-testid="platform">
              <div className="platform-main">
                <Icon name="globe" size={14} />
                <span className="platform-name">{p.name}</span>
                {p.url ? <span className="platform-url">{p.url}</span> : null}
              </div>
              {p.stack || p.environments.length > 0 ? (
                <div className="platform-meta">
                  {p.stack ? <span className="muted">{p.stack}</span> : null}
                  {p.environments.map((env) => (
                    <span key={env} className="tag">
                      {env}
                    </span>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? <PlatformForm onDone={() => setAdding(false)} /> : null}
    </section>
  );
}
