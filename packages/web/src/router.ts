import { useEffect, useState } from 'react';

/** The app's pages, read from the address bar (the server answers every page address with index.html). */
export type Route =
  | { page: 'home' }
  | { page: 'workspace'; id: string }
  | { page: 'project'; id: string }
  | { page: 'diagram'; id: string }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/(workspaces|projects|diagrams)\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (!match) return { page: 'not-found' };
  const page = ({ workspaces: 'workspace', projects: 'project', diagrams: 'diagram' } as const)[match[1] as 'workspaces' | 'projects' | 'diagrams'];
  return { page, id: match[2]! };
}

export const hrefFor = {
  home: () => '/',
  workspace: (id: string) => `/workspaces/${id}`,
  project: (id: string) => `/projects/${id}`,
  diagram: (id: string) => `/diagrams/${id}`,
};

const CHANGE = 'backarch:navigate';

export function navigate(href: string): void {
  if (href === location.pathname) return;
  history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return route;
}
