import type { Pricer } from '../types';

/**
 * Declares a resource pricer (one file per product family plus one registry line). A pricer never holds a price: it
 * names the price-book records to use and the monthly quantities.
 *
 * @example
 * export default definePricer({ id: 'aws.sqs', cloud: 'aws', equivalence: ['queue'], price: (ctx) => ({ product: 'Amazon SQS', items: [...] }) });
 */
export const definePricer = (pricer: Pricer): Pricer => pricer;
