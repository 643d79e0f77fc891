import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import type { ArchDocument } from '../../document/schema';
import { health } from '../engine';
import type { HealthOptions } from '../types';

// Shared by the rule tests (no test framework here: the file is part of the package build).

export const doc = (components: object[], connections: object[], constraints: object = { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 200 } }) =>
  parseDocumentOrThrow({ backarch: 1, name: 'h', constraints, components, connections });

export const findingsOf = (d: ArchDocument, rule: string, options: HealthOptions = {}) => health(d, options).findings.filter((f) => f.rule === rule);

/** Applies a finding's fix and returns the new document's findings for the same rule, and any new critical ones. */
export function afterFix(d: ArchDocument, rule: string, options: HealthOptions = {}) {
  const before = health(d, options);
  const finding = before.findings.find((f) => f.rule === rule)!;
  if (!finding?.fix) throw new Error(`no ${rule} finding with a fix`);
  if (finding.fix.origin !== `fix:${rule}`) throw new Error(`fix origin is ${finding.fix.origin}, not fix:${rule}`);
  const applied = applyChangeSet(d, finding.fix!);
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
  const after = health(applied.document, { ...(options.book && { book: options.book }) });
  const criticalBefore = new Set(before.findings.filter((f) => f.severity === 'critical').map((f) => f.message));
  return {
    document: applied.document,
    same: after.findings.filter((f) => f.rule === rule && f.components[0] === finding.components[0]),
    newCritical: after.findings.filter((f) => f.severity === 'critical' && !criticalBefore.has(f.message)),
    score: [before.score, after.score],
  };
}
