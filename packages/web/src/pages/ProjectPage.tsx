import { useEffect, useState } from 'react';
import { api, canEdit, type Diagram } from '../api';
import { hrefFor } from '../router';
import { useLoad } from '../useLoad';
import { EmptyState, ErrorNotice, Loading } from '../ui/Notice';
import { PageHeader, RoleBadge } from '../ui/PageHeader';
import { Link } from '../ui/Link';
import { DiagramRow } from './DiagramRow';
import { NewDiagram } from './NewDiagram';

type Tab = 'live' | 'deleted';
type Status = { text: string; undo?: Diagram; open?: Diagram };

/** A project's diagrams: search, create, rename, delete, and the recently deleted ones to restore. */
export function ProjectPage({ id }: { id: string }) {
  const context = useLoad(async () => {
    const project = await api.project(id);
    return { project, workspace: await api.workspace(project.workspaceId) };
  }, id);
  const [tab, setTab] = useState<Tab>('live');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const list = useLoad(() => api.diagrams(id, { search: query, deleted: tab === 'deleted' }), `${id}|${tab}|${query}`);
  const [more, setMore] = useState<{ key: string; diagrams: Diagram[]; cursor: string | null }>();
  const [status, setStatus] = useState<Status>();
  const [failure, setFailure] = useState<unknown>();

  if (context.error)
    return (
      <>
        <PageHeader crumbs={[{ label: 'Workspaces', href: hrefFor.home() }]} title="Project" />
        <ErrorNotice error={context.error} title="Could not open this project" />
      </>
    );
  if (!context.data) return <Loading label="Loading project…" />;
  const { project, workspace } = context.data;
  const editable = canEdit(workspace.role);
  const key = `${tab}|${query}`;
  const extra = more?.key === key ? more : undefined;
  const diagrams = [...(list.data?.diagrams ?? []), ...(extra?.diagrams ?? [])];
  const cursor = extra ? extra.cursor : (list.data?.nextCursor ?? null);

  const refresh = () => {
    setMore(undefined);
    list.reload();
  };
  const act = async (run: () => Promise<Status>) => {
    setFailure(undefined);
    try {
      setStatus(await run());
      refresh();
    } catch (error) {
      setFailure(error);
    }
  };
  const remove = (d: Diagram) => act(async () => (await api.deleteDiagram(d.id), { text: `Deleted “${d.name}”.`, undo: d }));
  const restore = (d: Diagram) => act(async () => (await api.restoreDiagram(d.id), { text: `Restored “${d.name}”.`, open: d }));
  const rename = async (d: Diagram, name: string) => {
    const renamed = await api.renameDiagram(d.id, name);
    setStatus({ text: `Renamed “${d.name}” to “${renamed.name}”.` });
    refresh();
  };
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const next = await api.diagrams(id, { search: query, deleted: tab === 'deleted', cursor });
      setMore({ key, diagrams: [...(extra?.diagrams ?? []), ...next.diagrams], cursor: next.nextCursor });
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Workspaces', href: hrefFor.home() },
          { label: workspace.name, href: hrefFor.workspace(workspace.id) },
        ]}
        title={project.name}
        meta={
          <>
            <RoleBadge role={workspace.role} />
            {project.description && <span className="muted">{project.description}</span>}
          </>
        }
      />
      <div className={editable && tab === 'live' ? 'layout' : 'layout layout--single'}>
        <section className="layout__main" aria-labelledby="diagrams-title">
          <h2 id="diagrams-title" className="visually-hidden">
            Diagrams
          </h2>
          <div className="toolbar">
            <div className="tabs" role="group" aria-label="Which diagrams">
              <button type="button" className="tab" aria-pressed={tab === 'live'} onClick={() => (setTab('live'), setStatus(undefined))}>
                Diagrams
              </button>
              <button type="button" className="tab" aria-pressed={tab === 'deleted'} onClick={() => (setTab('deleted'), setStatus(undefined))}>
                Recently deleted
              </button>
            </div>
            <div className="search">
              <label htmlFor="diagram-search" className="visually-hidden">
                Search diagrams
              </label>
              <input id="diagram-search" type="search" placeholder="Search by name or description" value={search} onChange={(e) => setSearch(e.target.value)} />
            </div>
          </div>
          <div aria-live="polite">
            {status && (
              <p className="notice notice--ok">
                {status.text}{' '}
                {status.undo && editable && (
                  <button type="button" className="link-button" onClick={() => restore(status.undo!)}>
                    Undo
                  </button>
                )}
                {status.open && <Link href={hrefFor.diagram(status.open.id)}>Open it</Link>}
              </p>
            )}
          </div>
          <ErrorNotice error={failure} title="That did not work" />
          {tab === 'deleted' && <p className="muted small">Deleted diagrams can be restored for 30 days, then they are removed for good.</p>}
          {list.error ? (
            <ErrorNotice error={list.error} title="Could not load the diagrams">
              <button className="button" type="button" onClick={refresh}>
                Try again
              </button>
            </ErrorNotice>
          ) : !list.data ? (
            <Loading label="Loading diagrams…" />
          ) : diagrams.length === 0 ? (
            <EmptyState title={query ? `No diagrams match “${query}”` : tab === 'deleted' ? 'Nothing was deleted recently' : 'No diagrams yet'}>
              {query ? 'Try another word, or clear the search.' : tab === 'live' && (editable ? 'Start one from a template, a blank canvas or a .backarch.json file.' : 'Editors and owners can create diagrams here.')}
            </EmptyState>
          ) : (
            <ul className="rows" aria-label={tab === 'deleted' ? 'Recently deleted diagrams' : 'Diagrams'} aria-busy={list.loading}>
              {diagrams.map((d) => (
                <DiagramRow key={d.id} diagram={d} editable={editable} onRename={rename} onDelete={remove} onRestore={restore} />
              ))}
            </ul>
          )}
          {cursor && (
            <button type="button" className="button" onClick={loadMore}>
              Show more
            </button>
          )}
        </section>
        {editable && tab === 'live' && (
          <aside className="layout__side">
            <NewDiagram
              projectId={project.id}
              onCreated={(d) => {
                setSearch('');
                setStatus({ text: `Created “${d.name}”.`, open: d });
                refresh();
              }}
            />
          </aside>
        )}
      </div>
    </>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
