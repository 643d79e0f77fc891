import type { ReactNode } from 'react';
import { ApiError, type Issue } from '../api';

/** A failure: the message, and every detail the API gave with its path. */
export function ErrorNotice({ error, title, summary, detailPath = (p) => p, children }: { error: unknown; title?: string; summary?: string; detailPath?: (path: string) => string; children?: ReactNode }) {
  if (!error) return null;
  const message = summary ?? (error instanceof Error ? error.message : String(error));
  const details: Issue[] = error instanceof ApiError ? error.details : [];
  return (
    <div className="notice notice--error" role="alert">
      {title && <p className="notice__title">{title}</p>}
      <p>{message}</p>
      {details.length > 0 ? (
        <ul className="issues">
          {details.map((d, i) => (
            <li key={i}>
              <code className="issues__path">{detailPath(d.path)}</code> <span>{d.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children && <div className="empty__body">{children}</div>}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** Maps API validation details (`body.email`) to form fields (`email`). */
export function fieldErrors(error: unknown, prefix = 'body.'): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    if (!d.path.startsWith(prefix)) continue;
    const field = d.path.slice(prefix.length).split('.')[0]!;
    out[field] ??= d.message;
  }
  return out;
}

/**
 * What a form shows for a failed submit: messages on the fields the API named, and a summary line (the API's
 * message when no field explains the failure).
 */
export function formFailure(error: unknown, fields: readonly string[]): { fields: Record<string, string>; summary: string } {
  const byField = fieldErrors(error);
  const known = Object.fromEntries(Object.entries(byField).filter(([name]) => fields.includes(name)));
  const message = error instanceof Error ? error.message : String(error);
  const explained = Object.keys(known).length > 0 && error instanceof ApiError && error.details.every((d) => fields.includes(d.path.replace(/^body\./, '').split('.')[0]!));
  return { fields: known, summary: explained ? 'Please correct the highlighted field.' : message };
}
