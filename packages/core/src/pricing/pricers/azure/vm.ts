import type { PricerResult } from '../../types';
import { definePricer } from '../define';
import { instanceCount, withConfig } from '../helpers';
import { vmPricer } from '../vm';
import { chooseInstance } from '../vm';
import { DEFAULT_DISK_TYPE, DISK_TYPE_OF, managedDiskItem } from './managed-disk';

export const DEFAULT_VM_SIZE = 'Standard_D2s_v5';
/** OS disk size when the config gives none (Azure's default for Linux images). */
export const DEFAULT_OS_DISK_GB = 30;

const hours = vmPricer('azure.vm', ['vm'], { cloud: 'azure', service: 'vm', product: 'Azure Virtual Machines', defaultSku: DEFAULT_VM_SIZE });

/**
 * Azure Virtual Machines: VM-size hours (pay-as-you-go, reserved-1y/3y, Spot) × instances (replicas or the autoscaling
 * minimum), plus an OS managed disk per instance, billed per disk-month by size tier (a 30 GB disk is a P4 of 32 GiB).
 * Windows hours are asked for as `os: "windows"` (the licence is in that price).
 */
export default definePricer({
  id: 'azure.vm',
  cloud: 'azure',
  equivalence: ['vm'],
  price(ctx): PricerResult {
    const { sku, mapping } = chooseInstance(ctx, { cloud: 'azure', service: 'vm', defaultSku: DEFAULT_VM_SIZE });
    const result = hours.price(withConfig(ctx, { ...ctx.config, instanceType: sku }));
    const { count } = instanceCount(ctx);
    const asked = (ctx.config.diskType as string | undefined) ?? DEFAULT_DISK_TYPE;
    const diskType = DISK_TYPE_OF[asked] ?? asked;
    const sizeGb = (ctx.config.storageGb as number | undefined) ?? DEFAULT_OS_DISK_GB;
    const notes = [...(result.notes ?? [])];
    if (diskType !== asked) notes.push(`disk type ${asked} priced as ${diskType}`);
    return { ...result, items: [...result.items, managedDiskItem(diskType, sizeGb, count, 'OS disk')], notes, ...(mapping && { mapping }) };
  },
});
