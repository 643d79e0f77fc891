import type { Pricer } from '../../types';
import aks from './aks';
import apiManagement from './api-management';
import blob from './blob';
import containerApps from './container-apps';
import cosmosdb from './cosmosdb';
import eventHubs from './event-hubs';
import flexibleServer from './flexible-server';
import frontDoor from './front-door';
import functions from './functions';
import loadBalancer from './load-balancer';
import logAnalytics from './log-analytics';
import redis from './redis';
import serviceBus from './service-bus';
import vm from './vm';
import { tidy } from '../gcp/common';

/** Azure resource pricers. Adding one = one file in this folder + one line here. Quantities are tidied of float noise. */
export const AZURE_PRICERS: readonly Pricer[] = [
  vm,
  containerApps,
  functions,
  aks,
  flexibleServer,
  redis,
  cosmosdb,
  blob,
  serviceBus,
  eventHubs,
  frontDoor,
  loadBalancer,
  apiManagement,
  logAnalytics,
].map(tidy);
