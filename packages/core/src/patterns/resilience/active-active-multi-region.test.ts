import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import { traffic } from '../../traffic/traffic';
import activeActive from './active-active-multi-region';

type Preview = { components: Array<{ id: string; config?: Record<string, unknown> }> };

/** The preview with the Profiles API's load given by a usage override (TR5) and a measured run time per request. */
const preview = activeActive.preview as Preview;
const usage = { monthlyRequests: 2_628_000, averageDurationMs: 900 };
const doc = parseDocumentOrThrow({
  ...preview,
  components: preview.components.map((c) => (c.id === 'profiles' ? { ...c, config: { ...c.config, usage } } : c)),
});

describe('active-active multi-region with a usage override', () => {
  it("copies the function's per-request figures to its regional copy but not the original's volume", () => {
    const result = applyChangeSet(doc, activeActive.apply(doc, activeActive.appliesTo(doc)[0]!));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    const after = result.document;
    const copy = after.components.find((c) => c.type === 'aws.lambda' && c.id !== 'profiles')!;
    expect(copy.config?.usage).toEqual({ averageDurationMs: 900 });
    expect(after.components.find((c) => c.id === 'profiles')!.config?.usage).toEqual(usage);
    // the table is read by both regions' functions: the copy adds the model's traffic, not a second override
    const before = traffic(doc).components.get('table')!.peakRps;
    expect(traffic(after).components.get(copy.id)!.peakRps).toBe(0);
    expect(traffic(after).components.get('table')!.peakRps).toBeCloseTo(before);
  });
});
