import cqrs from './cqrs';
import eventDriven from './event-driven';
import microservices from './microservices';
import ragLlmApp from './rag-llm-app';
import serverless from './serverless';
import stranglerFigMigration from './strangler-fig-migration';
import threeTierWebApp from './three-tier-web-app';
import type { Template } from './types';

/** Every template, in gallery order. Adding one = one file here + one line below. */
export const TEMPLATES: readonly Template[] = [threeTierWebApp, microservices, serverless, eventDriven, cqrs, stranglerFigMigration, ragLlmApp];

const byId = new Map(TEMPLATES.map((t) => [t.id, t]));

export function getTemplate(id: string): Template | undefined {
  return byId.get(id);
}
