import type { Pricer } from '../../types';
import ec2 from './ec2';
import lambda from './lambda';
import rds from './rds';
import sqs from './sqs';

/** AWS resource pricers. Adding one = one file in this folder + one line here. */
export const AWS_PRICERS: readonly Pricer[] = [ec2, rds, lambda, sqs];
