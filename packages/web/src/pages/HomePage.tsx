import { api } from '../api';
import { hrefFor } from '../router';
import { useLoad, when } from '../useLoad';
import { Link } from '../ui/Link';
import { EmptyState, ErrorNotice, Loading } from '../ui/Notice';
import { PageHeader, RoleBadge } from '../ui/PageHeader';

/** The signed-in user's workspaces, with their role in each. */
export function HomePage() {
  const workspaces = useLoad(() => api.workspaces(), 'workspaces');
  return (
    <>
      <PageHeader title="Workspaces" meta={<span className="muted">Everything you can open, with your role in each.</span>} />
      {workspaces.error ? (
        <ErrorNotice error={workspaces.error} title="Could not load your workspaces">
          <button className="button" type="button" onClick={workspaces.reload}>
            Try again
          </button>
        </ErrorNotice>
      ) : !workspaces.data ? (
        <Loading label="Loading workspaces…" />
      ) : workspaces.data.workspaces.length === 0 ? (
        <EmptyState title="You are not a member of any workspace">Ask a workspace owner to invite you.</EmptyState>
      ) : (
        <ul className="cards" aria-label="Your workspaces">
          {workspaces.data.workspaces.map((w) => (
            <li key={w.id} className="card card--link">
              <Link className="card__title" href={hrefFor.workspace(w.id)}>
                {w.name}
              </Link>
              <div className="card__meta">
                <RoleBadge role={w.role} />
                {w.personal && <span className="tag">Personal</span>}
                <span className="muted">Created {when(w.createdAt)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
