import { useRef, useState, type FormEvent } from 'react';
import { api, canEdit, type Project } from '../api';
import { hrefFor, navigate } from '../router';
import { useLoad, when } from '../useLoad';
import { Field } from '../ui/Field';
import { Link } from '../ui/Link';
import { EmptyState, ErrorNotice, formFailure, Loading } from '../ui/Notice';
import { PageHeader, RoleBadge } from '../ui/PageHeader';

/** A workspace's projects, and a form to start a new one. */
export function WorkspacePage({ id }: { id: string }) {
  const data = useLoad(async () => {
    const [workspace, { projects }] = await Promise.all([api.workspace(id), api.projects(id)]);
    return { workspace, projects };
  }, id);

  if (data.error)
    return (
      <>
        <PageHeader crumbs={[{ label: 'Workspaces', href: hrefFor.home() }]} title="Workspace" />
        <ErrorNotice error={data.error} title="Could not open this workspace">
          <button className="button" type="button" onClick={data.reload}>
            Try again
          </button>
        </ErrorNotice>
      </>
    );
  if (!data.data) return <Loading label="Loading workspace…" />;
  const { workspace, projects } = data.data;
  const editable = canEdit(workspace.role);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Workspaces', href: hrefFor.home() }]}
        title={workspace.name}
        meta={
          <>
            <RoleBadge role={workspace.role} />
            {workspace.personal && <span className="tag">Personal</span>}
          </>
        }
      />
      <div className={editable ? 'layout' : 'layout layout--single'}>
        <section aria-labelledby="projects-title" className="layout__main">
          <h2 id="projects-title">Projects</h2>
          {projects.length === 0 ? (
            <EmptyState title="No projects yet">{editable ? 'Create the first one with the form.' : 'An editor or owner of this workspace can create one.'}</EmptyState>
          ) : (
            <ul className="cards" aria-label="Projects">
              {projects.map((p) => (
                <li key={p.id} className="card card--link">
                  <Link className="card__title" href={hrefFor.project(p.id)}>
                    {p.name}
                  </Link>
                  {p.description && <p className="card__text">{p.description}</p>}
                  <div className="card__meta muted">Updated {when(p.updatedAt)}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
        {editable && (
          <aside className="layout__side">
            <NewProject workspaceId={workspace.id} onCreated={(p) => navigate(hrefFor.project(p.id))} />
          </aside>
        )}
      </div>
    </>
  );
}

function NewProject({ workspaceId, onCreated }: { workspaceId: string; onCreated: (project: Project) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'Give the project a name.' });
      setSummary('');
      nameInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onCreated(await api.createProject(workspaceId, { name: name.trim(), ...(description.trim() && { description: description.trim() }) }));
    } catch (error) {
      const failure = formFailure(error, ['name', 'description']);
      setErrors(failure.fields);
      setSummary(failure.summary);
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-project-title">
      <h2 id="new-project-title">New project</h2>
      {summary && (
        <p className="form-error" role="alert">
          {summary}
        </p>
      )}
      <Field ref={nameInput} label="Project name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={200} />
      <Field label="Description" hint="Optional." value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} maxLength={5000} />
      <button className="button button--primary" type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create project'}
      </button>
    </form>
  );
}
