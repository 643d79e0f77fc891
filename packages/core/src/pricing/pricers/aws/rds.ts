import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { termLabel } from '../helpers';
import { chooseInstance } from '../vm';

/**
 * RDS for PostgreSQL and MySQL: instance hours (Multi-AZ is its own, roughly doubled, price), gp3 storage (doubled
 * for Multi-AZ), and each read replica as another single-AZ instance with its own storage.
 */
export default definePricer({
  id: 'aws.rds',
  cloud: 'aws',
  equivalence: ['managed-postgres', 'managed-mysql'],
  price(ctx) {
    const engine = ctx.def.equivalence === 'managed-mysql' ? 'mysql' : 'postgresql';
    const multiAz = ctx.config.multiAz === true;
    const deployment = multiAz ? 'multi-az' : 'single-az';
    const { sku, mapping } = chooseInstance(ctx, {
      cloud: 'aws',
      service: 'rds',
      defaultSku: 'db.t4g.medium',
      sizeService: 'ec2',
      prefix: 'db.',
      attributes: { engine, deployment },
    });
    const storageGb = (ctx.config.storageGb as number | undefined) ?? 20;
    const replicas = (ctx.config.readReplicas as number | undefined) ?? 0;
    const engineName = engine === 'mysql' ? 'MySQL' : 'PostgreSQL';
    const items: CostItem[] = [
      {
        name: `Database instance (${termLabel(ctx.term)}, ${multiAz ? 'Multi-AZ' : 'Single-AZ'}, ${sku})`,
        quantity: 730,
        unit: 'hours',
        price: { cloud: 'aws', service: 'rds', sku, term: ctx.term, attributes: { engine, deployment } },
        usageBased: false,
      },
      {
        name: `Storage (gp3, ${storageGb} GB${multiAz ? ', Multi-AZ' : ''})`,
        quantity: storageGb,
        unit: 'GB-months',
        price: { cloud: 'aws', service: 'rds-storage', sku: 'gp3', attributes: { deployment } },
        usageBased: false,
      },
    ];
    for (let k = 1; k <= replicas; k++) {
      items.push(
        {
          name: `Read replica ${k} (${termLabel(ctx.term)}, ${sku})`,
          quantity: 730,
          unit: 'hours',
          price: { cloud: 'aws', service: 'rds', sku, term: ctx.term, attributes: { engine, deployment: 'single-az' } },
          usageBased: false,
        },
        {
          name: `Read replica ${k} storage (gp3, ${storageGb} GB)`,
          quantity: storageGb,
          unit: 'GB-months',
          price: { cloud: 'aws', service: 'rds-storage', sku: 'gp3', attributes: { deployment: 'single-az' } },
          usageBased: false,
        },
      );
    }
    return { product: `RDS for ${engineName} ${sku}`, sku, items, ...(mapping && { mapping }) };
  },
});
