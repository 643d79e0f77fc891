import { getComponentDef, getConnectionDef } from '../catalog/catalog';
import { COMPLIANCE, type ArchDocument, type Component, type Connection, defaultConnectionId } from './schema';

/**
 * Canonical `.backarch.json` text: the same document always gives the same bytes, whatever order it was edited in,
 * so files diff well in git. Components are sorted by id; connections by from, to, type and id; object keys follow
 * the order of the format (config keys the order of the type's fields, unknown nested keys alphabetically); 2-space
 * indentation and a final newline. A connection id equal to its default ("from->to:type") is left out.
 */
export function serializeDocument(doc: ArchDocument): string {
  return `${JSON.stringify(canonicalDocument(doc), null, 2)}\n`;
}

/** The canonical plain-object form that `serializeDocument` writes. */
export function canonicalDocument(doc: ArchDocument): Record<string, unknown> {
  return compact({
    backarch: doc.backarch,
    name: doc.name,
    description: doc.description,
    constraints: canonicalConstraints(doc.constraints),
    components: [...doc.components].sort((a, b) => compareStrings(a.id, b.id)).map(canonicalComponent),
    connections: [...doc.connections]
      .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.type, b.type) || compareStrings(a.id, b.id))
      .map(canonicalConnection),
  });
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compact(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}

function canonicalConstraints(c: ArchDocument['constraints']): Record<string, unknown> {
  return compact({
    cloud: c.cloud,
    region: c.region,
    budgetUsdPerMonth: c.budgetUsdPerMonth && compact({ min: c.budgetUsdPerMonth.min, max: c.budgetUsdPerMonth.max }),
    traffic:
      c.traffic &&
      compact({
        peakRps: c.traffic.peakRps,
        monthlyActiveUsers: c.traffic.monthlyActiveUsers,
        requestsPerUserPerMonth: c.traffic.requestsPerUserPerMonth,
        peakToAverageRatio: c.traffic.peakToAverageRatio,
      }),
    compliance: c.compliance && [...c.compliance].sort((a, b) => COMPLIANCE.indexOf(a) - COMPLIANCE.indexOf(b)),
    teamSize: c.teamSize,
  });
}

function canonicalComponent(c: Component): Record<string, unknown> {
  const fieldOrder = Object.keys(getComponentDef(c.type)?.config.shape ?? {});
  return compact({
    id: c.id,
    type: c.type,
    label: c.label,
    notes: c.notes,
    position: c.position && { x: c.position.x, y: c.position.y },
    config: c.config && sortObject(c.config, fieldOrder),
  });
}

function canonicalConnection(c: Connection): Record<string, unknown> {
  const fieldOrder = Object.keys(getConnectionDef(c.type)?.config.shape ?? {});
  return compact({
    id: c.id === defaultConnectionId(c) ? undefined : c.id,
    from: c.from,
    to: c.to,
    type: c.type,
    label: c.label,
    notes: c.notes,
    config: c.config && sortObject(c.config, fieldOrder),
  });
}

/** Keys in `order` first (in that order), then the rest alphabetically; nested objects alphabetically. */
function sortObject(object: Record<string, unknown>, order: readonly string[] = []): Record<string, unknown> {
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  const keys = Object.keys(object).sort((a, b) => rank(a) - rank(b) || compareStrings(a, b));
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = canonicalValue(object[key]);
  return out;
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') return sortObject(value as Record<string, unknown>);
  return value;
}
