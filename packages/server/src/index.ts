export { startServer } from './main';
export { buildApp, apiRoutes } from './app';
export { loadConfig, CONFIG_VARIABLES } from './config';
export type { Config } from './config';
