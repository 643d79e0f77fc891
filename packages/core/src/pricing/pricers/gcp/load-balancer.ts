import { DEFAULT_RESPONSE_SIZE_KB } from '../../../traffic/traffic';
import type { CostItem, PricerResult } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, monthlyHours, monthlyRequests, usage } from '../helpers';
import { count, isForeign, KB_PER_GB, num } from './common';

/** Request size when no `usage.requestSizeKb` is given (the response size defaults to the traffic model's). */
export const DEFAULT_REQUEST_SIZE_KB = 1;
/** The first five forwarding rules are billed together as one block. */
export const RULES_IN_FIRST_BLOCK = 5;

const OWN_TYPES = ['gcp.load-balancer'];

/**
 * Cloud Load Balancing (Application, proxy and passthrough Network load balancers): forwarding rules per hour (the
 * first five together, each further rule on its own) and data processed per GB, inbound (requests) and outbound
 * (responses) alike. Responses to the internet add internet egress. A Cloud Armor policy adds its fee and requests.
 */
export default definePricer({
  id: 'gcp.load-balancer',
  cloud: 'gcp',
  equivalence: ['load-balancer'],
  price(ctx): PricerResult {
    const c = ctx.config;
    const u = usage(ctx);
    // AWS NLBs and Azure Load Balancers are layer 4 passthrough; ALBs are Application load balancers
    const type = (c.type as string | undefined) ?? (ctx.def.id === 'aws.nlb' || ctx.def.id === 'azure.load-balancer' ? 'passthrough-network' : 'application');
    const rules = (c.forwardingRules as number | undefined) ?? (c.rules as number | undefined) ?? 1;
    const items: CostItem[] = [
      {
        name: `Forwarding rules (first ${RULES_IN_FIRST_BLOCK}${rules < RULES_IN_FIRST_BLOCK ? `, ${rules} used` : ''})`,
        quantity: monthlyHours(1),
        unit: 'hours',
        price: { cloud: 'gcp', service: 'load-balancer', sku: 'forwarding-rule' },
        usageBased: false,
      },
    ];
    if (rules > RULES_IN_FIRST_BLOCK) {
      items.push({
        name: `Forwarding rules (additional, ${rules - RULES_IN_FIRST_BLOCK})`,
        quantity: monthlyHours(rules - RULES_IN_FIRST_BLOCK),
        unit: 'hours',
        price: { cloud: 'gcp', service: 'load-balancer', sku: 'forwarding-rule-additional' },
        usageBased: false,
      });
    }
    const requests = monthlyRequests(ctx);
    const requestKb = u.requestSizeKb ?? DEFAULT_REQUEST_SIZE_KB;
    const responseKb = u.responseSizeKb ?? DEFAULT_RESPONSE_SIZE_KB;
    const notes: string[] = [];
    const gb = (requests * (requestKb + responseKb)) / KB_PER_GB;
    items.push({ name: 'Data processed (inbound and outbound)', quantity: gb, unit: 'GB', price: { cloud: 'gcp', service: 'load-balancer', sku: 'data-processed' }, usageBased: true });
    notes.push(
      `${count(requests)} requests a month × (${num(requestKb)} KB in + ${num(responseKb)} KB out)${u.requestSizeKb === undefined || u.responseSizeKb === undefined ? ' (defaults; set usage.requestSizeKb/responseSizeKb)' : ''}`,
    );
    if (c.public !== false) {
      const egress = internetEgressItem(ctx);
      if (egress) items.push(egress);
    }
    if (c.cloudArmor === true || c.waf === true) {
      items.push(
        { name: 'Cloud Armor policy', quantity: 1, unit: 'months', price: { cloud: 'gcp', service: 'cloud-armor', sku: 'policy' }, usageBased: false },
        { name: 'Cloud Armor requests', quantity: requests / 1e6, unit: '1M requests', price: { cloud: 'gcp', service: 'cloud-armor', sku: 'requests' }, usageBased: true },
      );
    }
    const mapping = isForeign(ctx, OWN_TYPES) ? `${type.replace('-', ' ')} load balancer, ${rules} forwarding rule${rules > 1 ? 's' : ''}` : undefined;
    return { product: `Cloud Load Balancing (${type.replace('-', ' ')})`, items, notes, ...(mapping && { mapping }) };
  },
});
