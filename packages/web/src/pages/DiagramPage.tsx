import { useState } from 'react';
import { api, type Version } from '../api';
import { hrefFor } from '../router';
import { useLoad, when } from '../useLoad';
import { ErrorNotice, Loading } from '../ui/Notice';
import { PageHeader, RoleBadge } from '../ui/PageHeader';

/** A diagram at a glance (until the editor lands): name, size, export and its version history. */
export function DiagramPage({ id }: { id: string }) {
  const data = useLoad(async () => {
    const diagram = await api.diagram(id);
    const project = await api.project(diagram.projectId);
    const workspace = await api.workspace(project.workspaceId);
    return { diagram, project, workspace };
  }, id);

  if (data.error)
    return (
      <>
        <PageHeader crumbs={[{ label: 'Workspaces', href: hrefFor.home() }]} title="Diagram" />
        <ErrorNotice error={data.error} title="Could not open this diagram" />
      </>
    );
  if (!data.data) return <Loading label="Loading diagram…" />;
  const { diagram, project, workspace } = data.data;
  const components = diagram.document?.components?.length ?? 0;
  const connections = diagram.document?.connections?.length ?? 0;
  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Workspaces', href: hrefFor.home() },
          { label: workspace.name, href: hrefFor.workspace(workspace.id) },
          { label: project.name, href: hrefFor.project(project.id) },
        ]}
        title={diagram.name}
        meta={
          <>
            <RoleBadge role={diagram.role} />
            <span className="muted">Updated {when(diagram.updatedAt)}</span>
          </>
        }
        actions={
          <a className="button" href={api.exportUrl(diagram.id)} download>
            Download .backarch.json
          </a>
        }
      />
      {diagram.description && <p className="lead">{diagram.description}</p>}
      <dl className="stats">
        <div className="stat">
          <dt>Components</dt>
          <dd data-testid="component-count">{components}</dd>
        </div>
        <div className="stat">
          <dt>Connections</dt>
          <dd data-testid="connection-count">{connections}</dd>
        </div>
        <div className="stat">
          <dt>Created</dt>
          <dd className="stat__small">{when(diagram.createdAt)}</dd>
        </div>
      </dl>
      {diagram.issues.length > 0 && (
        <div className="notice notice--warn">
          <p className="notice__title">The document has {diagram.issues.length} problem{diagram.issues.length === 1 ? '' : 's'}</p>
          <ul className="issues">
            {diagram.issues.map((issue, i) => (
              <li key={i}>
                <code className="issues__path">{issue.path || '(document)'}</code> {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted small">The visual editor is on its way; meanwhile, download the file to work on it with the backarch CLI.</p>
      <History diagramId={diagram.id} />
    </>
  );
}

function History({ diagramId }: { diagramId: string }) {
  const first = useLoad(() => api.versions(diagramId), diagramId);
  const [older, setOlder] = useState<{ versions: Version[]; nextBefore: number | null }>();
  const [failure, setFailure] = useState<unknown>();
  const versions = [...(first.data?.versions ?? []), ...(older?.versions ?? [])];
  const nextBefore = older ? older.nextBefore : (first.data?.nextBefore ?? null);

  const loadOlder = async () => {
    if (nextBefore === null) return;
    setFailure(undefined);
    try {
      const page = await api.versions(diagramId, nextBefore);
      setOlder({ versions: [...(older?.versions ?? []), ...page.versions], nextBefore: page.nextBefore });
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">Version history</h2>
      {first.error ? (
        <ErrorNotice error={first.error} title="Could not load the history" />
      ) : !first.data ? (
        <Loading label="Loading versions…" />
      ) : versions.length === 0 ? (
        <p className="muted">No versions yet: one is recorded a few seconds after each change.</p>
      ) : (
        <ol className="timeline" aria-label="Versions, newest first">
          {versions.map((v) => (
            <li key={v.id} className="timeline__item">
              <div className="timeline__head">
                <strong>Version {v.number}</strong>
                <span className="muted">
                  {when(v.createdAt)} · {v.authors.map((a) => a.name ?? 'someone').join(', ') || 'unknown author'}
                </span>
              </div>
              <ul className="timeline__changes">
                {v.changes.map((c, i) => (
                  <li key={i}>
                    {c.summary} <span className="tag" title="Where the change came from">{c.origin}</span>
                  </li>
                ))}
              </ul>
              <p className="muted small">
                Components {v.components.before} → {v.components.after} · connections {v.connections.before} → {v.connections.after}
              </p>
            </li>
          ))}
        </ol>
      )}
      <ErrorNotice error={failure} title="Could not load older versions" />
      {nextBefore !== null && (
        <button type="button" className="button" onClick={loadOlder}>
          Show older versions
        </button>
      )}
    </section>
  );
}
