import type { Pricer } from '../../types';
import { AWS_VMS, AZURE_VMS, GCP_VMS, selfHostedPricer, unmanagedOnPricer } from './vm-software';

/**
 * Pricers for software the team runs itself (Kafka, RabbitMQ, Elasticsearch, Keycloak, Kong…), priced as the VMs and
 * disks it runs on in the target cloud. One file + one line here.
 */
export const SELF_HOSTED_PRICERS: readonly Pricer[] = [
  selfHostedPricer(AWS_VMS),
  selfHostedPricer(GCP_VMS),
  selfHostedPricer(AZURE_VMS),
  unmanagedOnPricer(AWS_VMS, 'service-mesh', 'service-mesh', 'AWS has no managed service mesh since App Mesh was retired: run on EC2'),
  unmanagedOnPricer(GCP_VMS, 'grafana', 'dashboards', 'Google Cloud has no managed Grafana: run on Compute Engine'),
  unmanagedOnPricer(AZURE_VMS, 'memcached', 'managed-memcached', 'Azure has no managed Memcached: run on Azure VMs'),
];
