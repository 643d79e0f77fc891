import authOauth from './auth/oauth';
import awsAlb from './aws/alb';
import awsApiGateway from './aws/api-gateway';
import awsCloudfront from './aws/cloudfront';
import awsCloudwatch from './aws/cloudwatch';
import awsCognito from './aws/cognito';
import awsDynamodb from './aws/dynamodb';
import awsEc2 from './aws/ec2';
import awsEcs from './aws/ecs';
import awsEks from './aws/eks';
import awsElasticache from './aws/elasticache';
import awsEventbridge from './aws/eventbridge';
import awsKinesis from './aws/kinesis';
import awsLambda from './aws/lambda';
import awsNlb from './aws/nlb';
import awsOpensearch from './aws/opensearch';
import awsS3 from './aws/s3';
import awsSecretsManager from './aws/secrets-manager';
import awsSns from './aws/sns';
import awsSqs from './aws/sqs';
import awsXray from './aws/xray';
import azureAks from './azure/aks';
import azureApiManagement from './azure/api-management';
import azureBlob from './azure/blob';
import azureContainerApps from './azure/container-apps';
import azureCosmosdb from './azure/cosmosdb';
import azureEventHubs from './azure/event-hubs';
import azureFrontDoor from './azure/front-door';
import azureFunctions from './azure/functions';
import azureKeyVault from './azure/key-vault';
import azureLoadBalancer from './azure/load-balancer';
import azureServiceBus from './azure/service-bus';
import azureVm from './azure/vm';
import clientExternal from './client/external';
import clientMobile from './client/mobile';
import clientWeb from './client/web';
import gcpApiGateway from './gcp/api-gateway';
import gcpCloudCdn from './gcp/cloud-cdn';
import gcpCloudFunctions from './gcp/cloud-functions';
import gcpCloudRun from './gcp/cloud-run';
import gcpComputeEngine from './gcp/compute-engine';
import gcpFirestore from './gcp/firestore';
import gcpGcs from './gcp/gcs';
import gcpGke from './gcp/gke';
import gcpLoadBalancer from './gcp/load-balancer';
import gcpPubsub from './gcp/pubsub';
import gcpSecretManager from './gcp/secret-manager';
import grafanaLoki from './grafana/loki';
import grafanaTempo from './grafana/tempo';
import llmAnthropic from './llm/anthropic';
import llmGoogle from './llm/google';
import llmOpenai from './llm/openai';
import elasticsearch from './neutral/elasticsearch';
import embedding from './neutral/embedding';
import grafana from './neutral/grafana';
import jaeger from './neutral/jaeger';
import kafka from './neutral/kafka';
import keycloak from './neutral/keycloak';
import kong from './neutral/kong';
import meilisearch from './neutral/meilisearch';
import memcached from './neutral/memcached';
import mongodb from './neutral/mongodb';
import mysql from './neutral/mysql';
import nginx from './neutral/nginx';
import otelCollector from './neutral/otel-collector';
import postgresql from './neutral/postgresql';
import prometheus from './neutral/prometheus';
import qdrant from './neutral/qdrant';
import rabbitmq from './neutral/rabbitmq';
import redis from './neutral/redis';
import service from './neutral/service';
import serviceMesh from './neutral/service-mesh';
import vault from './neutral/vault';
import weaviate from './neutral/weaviate';
import auth0 from './saas/auth0';
import cloudflare from './saas/cloudflare';
import datadog from './saas/datadog';
import pinecone from './saas/pinecone';

/** Every component type, in palette order. Adding one = one file + one line here. */
export const COMPONENT_DEFS = [
  // clients
  clientWeb,
  clientMobile,
  clientExternal,
  // gateways
  kong,
  nginx,
  awsApiGateway,
  gcpApiGateway,
  azureApiManagement,
  // load balancers
  awsAlb,
  awsNlb,
  gcpLoadBalancer,
  azureLoadBalancer,
  // CDNs
  awsCloudfront,
  gcpCloudCdn,
  azureFrontDoor,
  cloudflare,
  // auth
  authOauth,
  awsCognito,
  keycloak,
  auth0,
  // secrets
  awsSecretsManager,
  gcpSecretManager,
  azureKeyVault,
  vault,
  // compute
  service,
  awsEc2,
  awsLambda,
  awsEcs,
  awsEks,
  gcpComputeEngine,
  gcpCloudRun,
  gcpCloudFunctions,
  gcpGke,
  azureVm,
  azureFunctions,
  azureContainerApps,
  azureAks,
  // databases
  postgresql,
  mysql,
  mongodb,
  awsDynamodb,
  gcpFirestore,
  azureCosmosdb,
  // caches
  redis,
  memcached,
  awsElasticache,
  // messaging
  awsSqs,
  awsSns,
  kafka,
  gcpPubsub,
  rabbitmq,
  awsEventbridge,
  awsKinesis,
  azureServiceBus,
  azureEventHubs,
  // storage
  awsS3,
  gcpGcs,
  azureBlob,
  // vector databases and search
  pinecone,
  qdrant,
  weaviate,
  elasticsearch,
  awsOpensearch,
  meilisearch,
  // observability
  prometheus,
  grafana,
  datadog,
  awsCloudwatch,
  awsXray,
  jaeger,
  grafanaTempo,
  grafanaLoki,
  otelCollector,
  // AI
  llmAnthropic,
  llmOpenai,
  llmGoogle,
  embedding,
  // network
  serviceMesh,
] as const;

/** Union of every component type id, derived from the registry. */
export type ComponentType = (typeof COMPONENT_DEFS)[number]['id'];
