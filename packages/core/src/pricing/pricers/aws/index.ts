import type { Pricer } from '../../types';
import apiGateway from './api-gateway';
import cloudfront from './cloudfront';
import cloudwatch from './cloudwatch';
import cognito from './cognito';
import dynamodb from './dynamodb';
import ec2 from './ec2';
import eks from './eks';
import elasticache from './elasticache';
import { alb, nlb } from './elb';
import eventbridge from './eventbridge';
import fargate from './fargate';
import kinesis from './kinesis';
import lambda from './lambda';
import managedGrafana from './managed-grafana';
import msk from './msk';
import opensearch from './opensearch';
import rds from './rds';
import s3 from './s3';
import sns from './sns';
import sqs from './sqs';
import xray from './xray';

/** AWS resource pricers. Adding one = one file in this folder + one line here. */
export const AWS_PRICERS: readonly Pricer[] = [
  ec2,
  rds,
  lambda,
  sqs,
  fargate,
  eks,
  elasticache,
  dynamodb,
  s3,
  alb,
  nlb,
  apiGateway,
  cloudfront,
  sns,
  eventbridge,
  kinesis,
  msk,
  cloudwatch,
  managedGrafana,
  xray,
  cognito,
  opensearch,
];
