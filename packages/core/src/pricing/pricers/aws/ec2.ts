import { vmPricer } from '../vm';

/** EC2 On-Demand/Reserved/Spot instance hours plus a gp3 EBS volume per instance. */
export default vmPricer('aws.ec2', ['vm'], {
  cloud: 'aws',
  service: 'ec2',
  product: 'Amazon EC2',
  defaultSku: 't3.medium',
  disk: { service: 'ebs', sku: 'gp3', name: 'Storage (EBS gp3)' },
});
