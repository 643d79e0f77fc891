import { definePricer } from '../define';

/**
 * Amazon Managed Grafana for the neutral `grafana` component: active editors/admins and active viewers per
 * user-month (the catalog's own pricing model for it). Self-hosted Grafana (`managed: false`) is priced by the
 * self-hosted pricer.
 */
export default definePricer({
  id: 'aws.managed-grafana',
  cloud: 'aws',
  equivalence: ['dashboards'],
  types: ['grafana'],
  when: (config) => config.managed !== false,
  price(ctx) {
    const editors = (ctx.config.editors as number | undefined) ?? 0;
    const viewers = (ctx.config.viewers as number | undefined) ?? 0;
    return {
      product: 'Amazon Managed Grafana',
      items: [
        { name: `Editors and admins (${editors})`, quantity: editors, unit: 'user-months', price: { cloud: 'aws', service: 'managed-grafana', sku: 'editor' }, usageBased: false },
        { name: `Viewers (${viewers})`, quantity: viewers, unit: 'user-months', price: { cloud: 'aws', service: 'managed-grafana', sku: 'viewer' }, usageBased: false },
      ],
      notes: ['billed per user active in the month; the data sources it queries are billed where they run'],
    };
  },
});
