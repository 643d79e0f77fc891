import type { Template } from './types';

/** Every template, in gallery order. Adding one = one file here + one line below. */
export const TEMPLATES: readonly Template[] = [];

const byId = new Map(TEMPLATES.map((t) => [t.id, t]));

export function getTemplate(id: string): Template | undefined {
  return byId.get(id);
}
