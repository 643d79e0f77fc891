import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from './Link';

export type Crumb = { label: string; href: string };

/** Breadcrumbs, the page's heading (focused on arrival, for screen readers and keyboards) and its actions. */
export function PageHeader({ crumbs = [], title, meta, actions }: { crumbs?: Crumb[]; title: string; meta?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · BackArch`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-header">
      {crumbs.length > 0 && (
        <nav aria-label="Breadcrumb">
          <ol className="crumbs">
            {crumbs.map((c) => (
              <li key={c.href}>
                <Link href={c.href}>{c.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-header__row">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {meta && <div className="page-header__meta">{meta}</div>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
    </div>
  );
}

export function RoleBadge({ role }: { role: string }) {
  return (
    <span className={`badge badge--${role}`} title={`Your role: ${role}`}>
      {role}
    </span>
  );
}
