import type { Template } from './types';

/** Declares a template (one file under templates/ plus one registry line). */
export const defineTemplate = (template: Template): Template => template;
