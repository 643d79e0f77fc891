// formats/aws-pricing-api-getproducts-item-m5.large-us-east-1.json (trust B: a real AWS Pricing API GetProducts item,
// but published 2021-02-05). The only EC2 Reserved Instance terms in the sources: m5.large us-east-1, Linux. We keep
// On-Demand and the Standard No Upfront 1yr/3yr hourly rates (no upfront fee, so the hourly rate is the whole price).
import { readSourceJson } from '../lib/paths';
import type { PriceRecord } from '../lib/record';
import { priceRecord } from '../lib/record';

export const FILE = 'formats/aws-pricing-api-getproducts-item-m5.large-us-east-1.json';

interface Dimension {
  unit: string;
  pricePerUnit: { USD: string };
}
interface Term {
  offerTermCode: string;
  termAttributes: { LeaseContractLength?: string; OfferingClass?: string; PurchaseOption?: string };
  priceDimensions: Record<string, Dimension>;
}
interface Item {
  product: { sku: string; attributes: { instanceType: string; regionCode?: string; location: string; vcpu: string; memory: string; operatingSystem: string; tenancy: string; preInstalledSw: string; capacitystatus: string } };
  terms: { OnDemand: Record<string, Term>; Reserved: Record<string, Term> };
  publicationDate: string;
}

export function loadAwsGetProductsSample(): PriceRecord[] {
  const item = readSourceJson<Item>(FILE);
  const a = item.product.attributes;
  if (a.location !== 'US East (N. Virginia)' || a.operatingSystem !== 'Linux' || a.tenancy !== 'Shared' || a.preInstalledSw !== 'NA' || a.capacitystatus !== 'Used')
    throw new Error(`${FILE}: not a Linux shared-tenancy us-east-1 product`);
  const effectiveDate = item.publicationDate.slice(0, 10);
  const memoryGib = Number(a.memory.replace(/ GiB$/, ''));
  const spec = { vcpu: Number(a.vcpu), memoryGib, os: 'linux' };
  const base = { cloud: 'aws' as const, service: 'ec2', sku: a.instanceType, region: 'us-east-1', unit: 'hour' as const, file: FILE, trust: 'B' as const, effectiveDate };
  const records: PriceRecord[] = [];
  const hourly = (term: Term) => Object.entries(term.priceDimensions).find(([, d]) => d.unit === 'Hrs');
  for (const term of Object.values(item.terms.OnDemand)) {
    const [rateCode, dimension] = hourly(term) ?? [];
    if (!dimension) continue;
    records.push(priceRecord({ ...base, usd: dimension.pricePerUnit.USD, attributes: spec, key: `${item.product.sku} ${rateCode}` }));
  }
  for (const term of Object.values(item.terms.Reserved)) {
    const { LeaseContractLength: length, OfferingClass: offeringClass, PurchaseOption: option } = term.termAttributes;
    if (offeringClass !== 'standard' || option !== 'No Upfront') continue;
    const [rateCode, dimension] = hourly(term) ?? [];
    if (!dimension) continue;
    records.push(
      priceRecord({
        ...base,
        term: length === '1yr' ? 'reserved-1y' : 'reserved-3y',
        usd: dimension.pricePerUnit.USD,
        attributes: { ...spec, commitment: 'reserved-instance', offeringClass: 'standard', purchaseOption: 'no-upfront' },
        key: `${item.product.sku} ${rateCode}`,
      }),
    );
  }
  return records;
}
