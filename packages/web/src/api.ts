/**
 * A tiny typed client for the BackArch API (/api, see /api/openapi.json). The session is an httpOnly cookie; every
 * mutation also sends the X-CSRF-Token header with the token the last session, sign-in or sign-up response gave us.
 */

export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';
export type User = { id: string; email: string; name: string };
export type Session = { user: User; csrfToken: string };
export type Workspace = { id: string; name: string; personal: boolean; role: Role; createdAt: string };
export type Project = { id: string; workspaceId: string; name: string; description: string; createdAt: string; updatedAt: string; createdBy: string | null; updatedBy: string | null };
export type Diagram = { id: string; projectId: string; name: string; description: string; createdAt: string; updatedAt: string; createdBy: string | null; updatedBy: string | null; deletedAt: string | null };
export type DiagramDetail = Diagram & { role: Role; document: { components?: unknown[]; connections?: unknown[] } | null; issues: Issue[] };
export type Template = { id: string; name: string; whenToUse: string };
export type Issue = { path: string; message: string };
export type Version = {
  id: string;
  number: number;
  createdAt: string;
  authors: Array<{ id: string; name: string | null }>;
  changes: Array<{ origin: string; summary: string; at: string; by?: string }>;
  components: { before: number; after: number };
  connections: { before: number; after: number };
};

/** An error answer of the API: `{ error: { code, message, details? } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Issue[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthorized: () => void = () => {};

/** Called when a request meets 401 (the session ended elsewhere or expired): the app shows the sign-in form. */
export function whenSignedOut(callback: () => void): void {
  onUnauthorized = callback;
}
const MUTATIONS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATIONS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the BackArch server. Check your connection and try again.');
  }
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = toApiError(response.status, json);
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
    throw error;
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads the API's error shape, tolerating anything else (a proxy's HTML page, an empty body). */
export function toApiError(status: number, json: unknown): ApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const details = Array.isArray(error?.details)
    ? error.details.filter((d): d is Issue => typeof d?.path === 'string' && typeof d?.message === 'string')
    : [];
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${status}.`;
  return new ApiError(status, typeof error?.code === 'string' ? error.code : 'http_' + status, message, details);
}

const keep = (session: Session) => {
  csrfToken = session.csrfToken;
  return session;
};
const q = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
const e = encodeURIComponent;

export type CreateDiagram = { name?: string; description?: string; template?: string; document?: string };

export const api = {
  /** The signed-in session, or null when nobody is signed in. */
  async session(): Promise<Session | null> {
    try {
      return keep(await request<Session>('GET', '/api/auth/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  signUp: async (body: { name: string; email: string; password: string }) => keep(await request<Session>('POST', '/api/auth/signup', body)),
  signIn: async (body: { email: string; password: string }) => keep(await request<Session>('POST', '/api/auth/signin', body)),
  async signOut(): Promise<void> {
    await request<void>('POST', '/api/auth/signout');
    csrfToken = '';
  },

  workspaces: () => request<{ workspaces: Workspace[] }>('GET', '/api/workspaces'),
  workspace: (id: string) => request<Workspace>('GET', `/api/workspaces/${e(id)}`),
  projects: (workspaceId: string) => request<{ projects: Project[] }>('GET', `/api/workspaces/${e(workspaceId)}/projects`),
  createProject: (workspaceId: string, body: { name: string; description?: string }) => request<Project>('POST', `/api/workspaces/${e(workspaceId)}/projects`, body),
  project: (id: string) => request<Project>('GET', `/api/projects/${e(id)}`),

  diagrams: (projectId: string, options: { search?: string; deleted?: boolean; cursor?: string } = {}) =>
    request<{ diagrams: Diagram[]; nextCursor: string | null }>(
      'GET',
      `/api/projects/${e(projectId)}/diagrams${q({ search: options.search?.trim(), deleted: options.deleted ? 'true' : undefined, cursor: options.cursor })}`,
    ),
  templates: () => request<{ templates: Template[] }>('GET', '/api/templates'),
  createDiagram: (projectId: string, body: CreateDiagram) => request<Diagram>('POST', `/api/projects/${e(projectId)}/diagrams`, body),
  diagram: (id: string) => request<DiagramDetail>('GET', `/api/diagrams/${e(id)}`),
  renameDiagram: (id: string, name: string) => request<Diagram>('PATCH', `/api/diagrams/${e(id)}`, { name }),
  deleteDiagram: (id: string) => request<void>('DELETE', `/api/diagrams/${e(id)}`),
  restoreDiagram: (id: string) => request<Diagram>('POST', `/api/diagrams/${e(id)}/restore`),
  versions: (id: string, before?: number) => request<{ versions: Version[]; nextBefore: number | null }>('GET', `/api/diagrams/${e(id)}/versions${q({ before })}`),
  exportUrl: (id: string) => `/api/diagrams/${e(id)}/export`,
};

/** Roles that may change content (create, rename, delete). */
export const canEdit = (role: Role | undefined) => role === 'owner' || role === 'editor';

/** Where an import error points inside the file: `body.document.components[2].type` → `components[2].type`. */
export const pathInFile = (path: string) => path.replace(/^body\.document\.?/, '') || '(the whole file)';
