// vCPUs and memory of the EC2 and Azure VM sizes the book keeps. The price files have no specs (Karpenter and the
// Retail API rows give a price per size name), but the engine sizes instances from these attributes, so they come
// from the providers' documented size naming, which is regular for the kept families:
//  - EC2 (https://aws.amazon.com/ec2/instance-types/): large = 2 vCPUs, xlarge = 4, Nxlarge = 4N, medium = 1 (the
//    Graviton and 7th-gen AMD families); memory per vCPU 4 GiB for m, 2 for c, 8 for r; the burstable t3/t3a/t4g
//    sizes have 2 vCPUs up to large, then 4 (xlarge) and 8 (2xlarge), with 0.5/1/2/4/8/16/32 GiB.
//  - Azure (https://learn.microsoft.com/azure/virtual-machines/sizes): the number in the name is the vCPU count;
//    memory per vCPU 4 GiB for Dsv5/Dasv5/Ddsv5/Dsv3, 8 for Esv5, 2 for Fsv2; B-series v1 as tabled below.
// Only sizes matching these rules get specs; the m5.large GetProducts item (2 vCPUs, 8 GiB) is checked in the tests.

export interface Spec {
  vcpu: number;
  memoryGib: number;
}

const T_FAMILY: Record<string, Spec> = {
  nano: { vcpu: 2, memoryGib: 0.5 },
  micro: { vcpu: 2, memoryGib: 1 },
  small: { vcpu: 2, memoryGib: 2 },
  medium: { vcpu: 2, memoryGib: 4 },
  large: { vcpu: 2, memoryGib: 8 },
  xlarge: { vcpu: 4, memoryGib: 16 },
  '2xlarge': { vcpu: 8, memoryGib: 32 },
};

const MEMORY_PER_VCPU: Record<string, number> = { m: 4, c: 2, r: 8 };

function sizeVcpus(size: string): number | undefined {
  if (size === 'medium') return 1;
  if (size === 'large') return 2;
  if (size === 'xlarge') return 4;
  const n = /^(\d+)xlarge$/.exec(size);
  return n ? 4 * Number(n[1]) : undefined;
}

/** vCPUs and memory of an EC2 instance type of the kept families (t3, t3a, t4g, m5…m8g, c5…c8g, r5…r8g). */
export function ec2Spec(instanceType: string): Spec | undefined {
  const match = /^([tmcr])(\d)([a-z]*)\.([a-z0-9]+)$/.exec(instanceType);
  if (!match) return undefined;
  const [, kind = '', , , size = ''] = match;
  if (kind === 't') return T_FAMILY[size];
  const vcpu = sizeVcpus(size);
  const perVcpu = MEMORY_PER_VCPU[kind];
  return vcpu && perVcpu ? { vcpu, memoryGib: vcpu * perVcpu } : undefined;
}

const B_SERIES: Record<string, Spec> = {
  B1ls: { vcpu: 1, memoryGib: 0.5 },
  B1s: { vcpu: 1, memoryGib: 1 },
  B1ms: { vcpu: 1, memoryGib: 2 },
  B2s: { vcpu: 2, memoryGib: 4 },
  B2ms: { vcpu: 2, memoryGib: 8 },
  B4ms: { vcpu: 4, memoryGib: 16 },
  B8ms: { vcpu: 8, memoryGib: 32 },
  B12ms: { vcpu: 12, memoryGib: 48 },
  B16ms: { vcpu: 16, memoryGib: 64 },
  B20ms: { vcpu: 20, memoryGib: 80 },
};

/** vCPUs and memory of an Azure VM size of the kept series (B v1, Dsv5, Dasv5, Ddsv5, Dsv3, Esv5, Fsv2). */
export function azureVmSpec(size: string): Spec | undefined {
  const name = size.replace(/^Standard_/, '');
  if (B_SERIES[name]) return B_SERIES[name];
  const match = /^([DEF])(\d+)(s|as|ds)_v(\d)$/.exec(name);
  if (!match) return undefined;
  const [, series = '', count = '', kind = '', version = ''] = match;
  const vcpu = Number(count);
  if (series === 'D' && (version === '5' || (version === '3' && kind === 's'))) return { vcpu, memoryGib: 4 * vcpu };
  if (series === 'E' && version === '5' && kind === 's') return { vcpu, memoryGib: 8 * vcpu };
  if (series === 'F' && version === '2' && kind === 's') return { vcpu, memoryGib: 2 * vcpu };
  return undefined;
}
