// The build script's helpers: exact decimal text, float32 artefacts, recovering a published price from an interval,
// the CSV reader, and the instance-spec naming rules.
import { describe, expect, it } from 'vitest';
import { decimal, toText } from '../../core/src/pricing/decimal';
import { divideExact, float32Text, shortestIn, text, times } from '../scripts/lib/decimal-text';
import { azureVmSpec, ec2Spec } from '../scripts/lib/instance-specs';
import { parseCsv } from '../scripts/sources/infracost';

const between = (lo: string, hi: string) => toText(shortestIn(decimal(lo), decimal(hi)));

describe('price book build helpers', () => {
  it('[SRC1] source numbers become exact decimal text without exponents', () => {
    expect(text(1.66667e-5)).toBe('0.0000166667');
    expect(text(2e-7)).toBe('0.0000002');
    expect(text('0.0960000000')).toBe('0.096');
    expect(times(2e-7, 1_000_000)).toBe('0.2');
    expect(times(4e-7, 1000)).toBe('0.0004');
    expect(divideExact('40', '1024')).toBe('0.0390625');
    expect(divideExact('0.0648', '3600')).toBe('0.000018');
    expect(() => divideExact('35', '730')).toThrow('not an exact decimal');
    expect(() => text(-1)).toThrow('negative');
  });

  it('[SRC2] coroot float32 artefacts round back to the published price', () => {
    expect(float32Text(0.09000000357627869)).toBe('0.09');
    expect(float32Text(0.08500000089406967)).toBe('0.085');
    expect(float32Text(0.07000000029802322)).toBe('0.07');
    expect(float32Text(0.05000000074505806)).toBe('0.05');
    expect(float32Text(0.10930000245571136)).toBe('0.1093');
    expect(float32Text(0.054999999701976776)).toBe('0.055');
  });

  it('[SRC3] the shortest decimal inside a rounding interval is the published price', () => {
    expect(between('0.0489931', '0.0490068')).toBe('0.049'); // Memorystore basic M1, 35.77 ± 0.005 per GB-month ÷ 730
    expect(between('0.0079931', '0.0080068')).toBe('0.008'); // ALB LCU, 5.84 ± 0.005 per month ÷ 730
    expect(between('0.0000133333999', '0.0000133334001')).toBe('0.0000133334');
    expect(between('0.495', '0.505')).toBe('0.5');
    expect(between('0.115', '0.125')).toBe('0.12'); // why intervals wider than ±1 % are refused: the truth was 0.115
    expect(() => between('0.2', '0.1')).toThrow('empty interval');
  });

  it('[SRC4] reads quoted CSV fields', () => {
    const rows = parseCsv('a,b,c\n1,"x, y","say ""hi"""\n2,,3\n');
    expect(rows).toEqual([
      { a: '1', b: 'x, y', c: 'say "hi"' },
      { a: '2', b: '', c: '3' },
    ]);
  });

  it('[SRC5] instance specs follow the providers’ size naming', () => {
    expect(ec2Spec('m5.large')).toEqual({ vcpu: 2, memoryGib: 8 }); // = the GetProducts item
    expect(ec2Spec('t3.micro')).toEqual({ vcpu: 2, memoryGib: 1 });
    expect(ec2Spec('t4g.2xlarge')).toEqual({ vcpu: 8, memoryGib: 32 });
    expect(ec2Spec('c7g.medium')).toEqual({ vcpu: 1, memoryGib: 2 });
    expect(ec2Spec('r6i.8xlarge')).toEqual({ vcpu: 32, memoryGib: 256 });
    expect(ec2Spec('x2iedn.32xlarge')).toBeUndefined();
    expect(azureVmSpec('Standard_B1ls')).toEqual({ vcpu: 1, memoryGib: 0.5 });
    expect(azureVmSpec('Standard_D4as_v5')).toEqual({ vcpu: 4, memoryGib: 16 });
    expect(azureVmSpec('Standard_E20s_v5')).toEqual({ vcpu: 20, memoryGib: 160 });
    expect(azureVmSpec('Standard_F2s_v2')).toEqual({ vcpu: 2, memoryGib: 4 });
    expect(azureVmSpec('Standard_D2s_v3')).toEqual({ vcpu: 2, memoryGib: 8 });
    expect(azureVmSpec('Standard_M128s')).toBeUndefined();
  });
});
