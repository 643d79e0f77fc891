import type { Pricer } from '../../types';
import apiGateway from './api-gateway';
import cloudCdn from './cloud-cdn';
import cloudFunctions from './cloud-functions';
import cloudRun from './cloud-run';
import cloudSql from './cloud-sql';
import computeEngine from './compute-engine';
import firestore from './firestore';
import gcs from './gcs';
import gke from './gke';
import loadBalancer from './load-balancer';
import memorystore from './memorystore';
import pubsub from './pubsub';
import { tidy } from './common';

/** Google Cloud resource pricers. Adding one = one file in this folder + one line here. Quantities are tidied of float noise. */
export const GCP_PRICERS: readonly Pricer[] = [
  computeEngine,
  cloudRun,
  cloudFunctions,
  gke,
  cloudSql,
  memorystore,
  firestore,
  gcs,
  loadBalancer,
  cloudCdn,
  pubsub,
  apiGateway,
].map(tidy);
