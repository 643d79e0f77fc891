import type { Pricer } from '../../types';

/**
 * Pricers for software the team runs itself (Kafka, RabbitMQ, Elasticsearch, Keycloak, Kong…), priced as the VMs and
 * disks it runs on in the target cloud. One file + one line here.
 */
export const SELF_HOSTED_PRICERS: readonly Pricer[] = [];
