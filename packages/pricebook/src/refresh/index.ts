// Price refresh tooling: parsers for the providers' official price formats, the book-file merge and the diff.
// Imported by the CLI as `@backarch/pricebook/refresh` (no price data is pulled in with it).
export * from './types';
export * from './decimal-text';
export * from './aws-offer';
export * from './azure-retail';
export { parseGcpBilling, fetchGcpSkuPages, gcpSkusUrl, isGcpSkuPage, GCP_BILLING_ENDPOINT, GCP_COMPUTE_SERVICE_ID, type GcpSku, type GcpSkuPage, type GcpParseOptions } from './gcp-billing';
export * from './litellm';
export * from './diff';
export * from './book-file';
export * from './llm-book';
