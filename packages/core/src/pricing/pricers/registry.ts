import type { ComponentDef } from '../../catalog/types';
import type { Pricer } from '../types';
import awsEc2 from './aws/ec2';
import awsLambda from './aws/lambda';
import awsRds from './aws/rds';
import awsSqs from './aws/sqs';
import anthropic from './saas/anthropic';
import { cohereEmbedding, googleEmbedding, openaiEmbedding, voyageEmbedding } from './saas/embedding';
import google from './saas/google';
import openai from './saas/openai';

/** Every resource pricer. Adding one = one file + one line here. */
export const PRICERS: readonly Pricer[] = [
  // AWS
  awsEc2,
  awsRds,
  awsLambda,
  awsSqs,
  // LLM and embedding providers
  anthropic,
  openai,
  google,
  openaiEmbedding,
  googleEmbedding,
  voyageEmbedding,
  cohereEmbedding,
];

/** The pricer for a component type on a cloud (or SaaS vendor), if any. */
export function findPricer(cloud: string, def: ComponentDef): Pricer | undefined {
  return PRICERS.find((p) => p.cloud === cloud && p.equivalence.includes(def.equivalence) && (!p.types || p.types.includes(def.id)));
}
