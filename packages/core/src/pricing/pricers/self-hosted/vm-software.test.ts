import { describe, expect, it } from 'vitest';
import { billOf } from '../../../testing/price-slice-aws';

const GCP = { cloud: 'gcp', region: 'us-central1' };
const AZURE = { cloud: 'azure', region: 'eastus' };

describe('self-hosted software on VMs', () => {
  it('AWS: Kafka with managed: false runs on brokers × EC2 (MSK’s kafka. prefix dropped) with an EBS disk each', () => {
    const bill = billOf('kafka', [{ id: 'kafka', type: 'kafka', config: { managed: false, instanceType: 'kafka.m5.large', storageGb: 500 } }]);
    expect(bill.product).toBe('Apache Kafka on 3 × m5.large (self-hosted)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'EC2 instances (Linux, on-demand, 3 × m5.large)', quantity: 2190, unit: 'hours', unitPriceUsd: '0.096', monthlyUsd: '210.24', usageBased: false }),
      expect.objectContaining({ name: 'Storage (EBS gp3) (500 GB × 3)', quantity: 1500, unit: 'GB-months', monthlyUsd: null, missing: 'no price for ebs gp3 in us-east-1' }),
    ]);
    expect(bill.mapping).toBeUndefined();
    expect(bill.notes).toEqual(['licence and operations time are not included']);
  });

  it('AWS: self-managed Redis counts shards × (primary + replicas) and is sized by memoryGb', () => {
    const bill = billOf('cache', [{ id: 'cache', type: 'redis', config: { managed: false, shardCount: 2, readReplicas: 1 } }]);
    expect(bill.product).toBe('Redis on 4 × c6g.medium (self-hosted)');
    expect(bill.line('EC2 instances (Linux, on-demand, 4 × c6g.medium)')).toMatchObject({ quantity: 2920, unitPriceUsd: '0.034', monthlyUsd: '99.28' });
    // t4g.small (2 vCPU, 2 GiB) would be cheaper, but burstable types are left out for servers running all month
    expect(bill.mapping).toBe('nearest ec2 size to 1 vCPU, 2 GiB: c6g.medium (1 vCPU, 2 GiB)');
    expect(bill.notes).toEqual([
      '2 shards × (1 primary + 1 replica)',
      'burstable and shared-core VM types left out of the sizing: the software runs all month',
      '20 GB disk per node (default)',
      'licence and operations time are not included',
    ]);
  });

  it('AWS: Loki adds its object storage; Kong Enterprise’s licence is called out', () => {
    const loki = billOf('logs', [{ id: 'logs', type: 'grafana.loki' }]);
    expect(loki.line('Object storage (S3 Standard, 50 GB)')).toMatchObject({ quantity: 50, unit: 'GB-months', unitPriceUsd: '0.023', monthlyUsd: '1.15' });
    expect(loki.line('EC2 instances (Linux, on-demand, 1 × c6g.medium)').monthlyUsd).toBe('24.82');
    expect(loki.monthlyUsd).toBe('25.97');
    const kong = billOf('kong', [{ id: 'kong', type: 'kong', config: { edition: 'enterprise', autoscaling: { min: 3, max: 6 } } }]);
    expect(kong.product).toBe('Kong Gateway on 3 × c6g.medium (self-hosted)');
    expect(kong.notes).toEqual([
      'autoscaling 3–6 instances: priced at the minimum of 3; peaks cost more',
      'burstable and shared-core VM types left out of the sizing: the software runs all month',
      '20 GB disk per node (default)',
      'Kong Enterprise licence not included',
      'licence and operations time are not included',
    ]);
  });

  it('AWS: sizes come from us-east-1 when the region lists none, and the price is then an estimate', () => {
    const bill = billOf('es', [{ id: 'es', type: 'elasticsearch' }], [], { cloud: 'aws', region: 'eu-west-1' });
    expect(bill.mapping).toBe('nearest ec2 size to 2 vCPU, 8 GiB: m6g.large (2 vCPU, 8 GiB) (sizes as listed in us-east-1: the book lists none in eu-west-1)');
    expect(bill.line('EC2 instances (Linux, on-demand, 3 × m6g.large)')).toMatchObject({
      monthlyUsd: '168.63',
      estimate: 'no price for ec2 m6g.large in eu-west-1; estimated with the us-east-1 list price',
    });
  });

  it('AWS has no managed service mesh: the control plane runs on EC2, the proxies on the services’ compute', () => {
    const bill = billOf('mesh', [{ id: 'mesh', type: 'service-mesh' }]);
    expect(bill.product).toBe('Service mesh on 1 × c6g.medium (self-hosted)');
    expect(bill.mapping).toBe('AWS has no managed service mesh since App Mesh was retired: run on EC2; nearest ec2 size to 1 vCPU, 2 GiB: c6g.medium (1 vCPU, 2 GiB)');
    expect(bill.notes).toContain('control plane only: the sidecar or ambient proxies use CPU and memory on the services’ own compute');
  });

  it('GCP: RabbitMQ on the nearest Compute Engine machine with a pd-balanced disk', () => {
    const bill = billOf('mq', [{ id: 'mq', type: 'rabbitmq' }], [], GCP);
    expect(bill.product).toBe('RabbitMQ on 1 × e2-standard-2 (self-hosted)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Compute Engine instances (Linux, on-demand, 1 × e2-standard-2)', quantity: 730, unitPriceUsd: '0.06701142', monthlyUsd: '48.9183366' }),
      expect.objectContaining({ name: 'Persistent disk (pd-balanced) (50 GB × 1)', quantity: 50, unit: 'GB-months', unitPriceUsd: '0.1', monthlyUsd: '5' }),
    ]);
    expect(bill.monthlyUsd).toBe('53.9183366');
    expect(bill.mapping).toBe('nearest compute-engine size to 2 vCPU, 4 GiB: e2-standard-2 (2 vCPU, 8 GiB)');
  });

  it('GCP has no managed Grafana, so even managed Grafana runs on Compute Engine', () => {
    const bill = billOf('g', [{ id: 'g', type: 'grafana' }], [], GCP);
    expect(bill.mapping).toBe('Google Cloud has no managed Grafana: run on Compute Engine; nearest compute-engine size to 1 vCPU, 2 GiB: e2-standard-2 (2 vCPU, 8 GiB)');
    expect(bill.line('Compute Engine instances (Linux, on-demand, 1 × e2-standard-2)').monthlyUsd).toBe('48.9183366');
  });

  it('Azure: Elasticsearch on memory-optimised VMs with a Premium SSD per node (another region’s disk price is an estimate)', () => {
    const bill = billOf('es', [{ id: 'es', type: 'elasticsearch', config: { memoryMb: 16384 } }], [], AZURE);
    expect(bill.product).toBe('Elasticsearch on 3 × Standard_E2s_v5 (self-hosted)');
    expect(bill.line('Azure VM instances (Linux, on-demand, 3 × Standard_E2s_v5)')).toMatchObject({ quantity: 2190, unitPriceUsd: '0.126', monthlyUsd: '275.94' });
    expect(bill.line('Managed disk (Premium SSD P10, 128 GiB for 100 GB) × 3')).toMatchObject({
      quantity: 3,
      unit: 'disk-months',
      unitPriceUsd: '21.68',
      monthlyUsd: '65.04',
      estimate: 'no price for managed-disk premium-ssd-p10 in eastus; estimated with the westeurope list price',
    });
    expect(bill.monthlyUsd).toBe('340.98');
  });

  it('Azure has no managed Memcached, so Memcached runs on Azure VMs', () => {
    const bill = billOf('mc', [{ id: 'mc', type: 'memcached' }], [], AZURE);
    expect(bill.mapping).toBe('Azure has no managed Memcached: run on Azure VMs; nearest vm size to 1 vCPU, 2 GiB: Standard_D2s_v5 (2 vCPU, 8 GiB)');
    expect(bill.line('Azure VM instances (Linux, on-demand, 1 × Standard_D2s_v5)').monthlyUsd).toBe('70.08');
    expect(bill.line('Managed disk (Premium SSD P4, 32 GiB for 20 GB) × 1').missing).toBe('no price for managed-disk premium-ssd-p4 in eastus');
  });

  it('compare mode: Keycloak on a t3.medium moves to the nearest Compute Engine machine', () => {
    const bill = billOf('kc', [{ id: 'kc', type: 'keycloak', config: { instanceType: 't3.medium' } }], [], { cloud: 'aws' }, 'gcp');
    expect(bill.cloud).toBe('gcp');
    expect(bill.mapping).toBe('nearest compute-engine size to t3.medium (2 vCPU, 4 GiB): e2-standard-2 (2 vCPU, 8 GiB)');
    expect(bill.line('Compute Engine instances (Linux, on-demand, 2 × e2-standard-2)').monthlyUsd).toBe('97.8366732');
    expect(bill.monthlyUsd).toBe('101.8366732');
  });
});
