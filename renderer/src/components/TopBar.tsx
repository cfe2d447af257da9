import type { ReactNode } from 'react';
import { Icon } from './Icon';

interface SearchProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}

interface TopBarProps {
  title: string;
  count?: string | undefined;
  search?: SearchProps;
  actions?: ReactNode;
}

/** The room's title line: what you are looking at, how many, a search box and the main action. */
export function TopBar({ title, count, search, actions }: TopBarProps) {
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1 id="room-title">{title}</h1>
        {count ? (
          <span className="topbar-count num" data-testid="room-count">
            {count}
          </span>
        ) : null}
      </div>
      {search ? <SearchBox {...search} /> : <span />}
      <div className="topbar-actions">{actions}</div>
    </header>
  );
}

function SearchBox({ label, placeholder, value, onChange }: SearchProps) {
  return (
    <div className="search">
      <Icon name="search" size={14} />
      <input
        className="search-input"
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        data-search=""
        data-testid="search"
        aria-keyshortcuts="/"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (value) onChange('');
            else e.currentTarget.blur();
            e.preventDefault();
          }
        }}
      />
      <kbd aria-hidden="true">/</kbd>
    </div>
  );
}
