import type { CostItem } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, monthlyRequests, usage } from '../helpers';
import { count } from './links';

/** WebSocket messages per connected client per minute, to estimate connection minutes from messages. */
export const DEFAULT_MESSAGES_PER_CONNECTION_MINUTE = 1;
/** Metering increments: HTTP API requests per started 512 KB, WebSocket messages per started 32 KB. */
const HTTP_METER_KB = 512;
const WEBSOCKET_METER_KB = 32;

const API_NAME: Record<string, string> = { http: 'HTTP API', rest: 'REST API', websocket: 'WebSocket API' };

/**
 * API Gateway: requests per million by API type — HTTP APIs (metered per 512 KB), REST APIs, or WebSocket APIs
 * (messages metered per 32 KB plus connection minutes) — with the book's volume tiers, plus internet egress to
 * clients. Google API Gateway maps to an HTTP API, Azure API Management (policies, caching, products) to a REST API.
 * REST API caching, custom domains and the free tier of new accounts are not included.
 */
export default definePricer({
  id: 'aws.api-gateway',
  cloud: 'aws',
  equivalence: ['api-gateway'],
  price(ctx) {
    const u = usage(ctx);
    const configured = ctx.config.apiType as string | undefined;
    const apiType = configured ?? (ctx.def.id === 'azure.api-management' ? 'rest' : 'http');
    const requests = monthlyRequests(ctx);
    const sizeKb = u.requestSizeKb ?? 1;
    const items: CostItem[] = [];
    const notes: string[] = [];
    if (apiType === 'websocket') {
      const chunks = Math.max(1, Math.ceil(sizeKb / WEBSOCKET_METER_KB));
      const minutes = requests / DEFAULT_MESSAGES_PER_CONNECTION_MINUTE;
      items.push(
        {
          name: `Messages (${count(requests)}${chunks > 1 ? ` × ${chunks} chunks of 32 KB` : ''})`,
          quantity: (requests * chunks) / 1e6,
          unit: '1M messages',
          price: { cloud: 'aws', service: 'api-gateway', sku: 'websocket-messages' },
          usageBased: true,
        },
        {
          name: 'Connection minutes',
          quantity: minutes / 1e6,
          unit: '1M connection-minutes',
          price: { cloud: 'aws', service: 'api-gateway', sku: 'websocket-connection-minutes' },
          usageBased: true,
        },
      );
      notes.push(`${DEFAULT_MESSAGES_PER_CONNECTION_MINUTE} message per connected client per minute assumed for connection minutes`);
    } else {
      const chunks = apiType === 'http' ? Math.max(1, Math.ceil(sizeKb / HTTP_METER_KB)) : 1;
      items.push({
        name: `Requests (${API_NAME[apiType] ?? apiType}${chunks > 1 ? `, × ${chunks} chunks of 512 KB` : ''})`,
        quantity: (requests * chunks) / 1e6,
        unit: '1M requests',
        price: { cloud: 'aws', service: 'api-gateway', sku: `${apiType}-requests` },
        usageBased: true,
      });
    }
    notes.unshift(`${count(requests)} requests a month`);
    const egress = internetEgressItem(ctx);
    if (egress) items.push(egress);
    const mapping = configured === undefined && ctx.def.vendor !== 'aws' ? `priced as an API Gateway ${API_NAME[apiType]}` : undefined;
    return { product: `Amazon API Gateway (${API_NAME[apiType] ?? apiType})`, items, notes, ...(mapping && { mapping }) };
  },
});
