import { describe, expect, it } from 'vitest';
import { cloudOfRegion, isEuRegion, regionOn } from './regions';

describe('regions', () => {
  it('[REG1] knows EU/EEA regions of every cloud, and that London and Zurich are not among them', () => {
    for (const region of ['eu-west-1', 'eu-central-1', 'europe-west1', 'europe-west4', 'westeurope', 'swedencentral']) expect(isEuRegion(region), region).toBe(true);
    for (const region of ['eu-west-2', 'europe-west2', 'europe-west6', 'uksouth', 'us-east-1', 'eastus', 'switzerlandnorth']) expect(isEuRegion(region), region).toBe(false);
  });

  it("[REG2] tells a region's cloud from its id and maps it to the nearest region elsewhere", () => {
    expect([cloudOfRegion('us-east-1'), cloudOfRegion('europe-west1'), cloudOfRegion('westeurope')]).toEqual(['aws', 'gcp', 'azure']);
    expect(regionOn('gcp', 'eu-west-1')).toBe('europe-west1');
    expect(regionOn('azure', 'europe-west1')).toBe('westeurope');
    expect(regionOn('aws', undefined)).toBe('us-east-1');
  });
});
