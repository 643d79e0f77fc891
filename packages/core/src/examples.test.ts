import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './document/parse';
import { CLOUDS } from './document/schema';
import { serializeDocument } from './document/serialize';

/** The example documents shipped in the repository's examples/ folder. */
const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

const EXPECTED = [
  'microservices-shop.backarch.json',
  'serverless-pipeline.backarch.json',
  'event-driven-orders.backarch.json',
  'hipaa-patient-portal.backarch.json',
  'gdpr-app-gcp.backarch.json',
  'rag-assistant.backarch.json',
  'logistics-first-draft.backarch.json',
  'support-desk-first-draft.backarch.json',
];

const files = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.backarch.json'))
  .sort();

describe('examples/', () => {
  it('holds the eight expected examples', () => {
    expect(files).toEqual(expect.arrayContaining(EXPECTED));
  });

  describe.each(files)('%s', (name) => {
    const text = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
    const result = parseDocument(text);

    it('parses without errors', () => {
      // Comparing the error list (not just `ok`) prints every error with its path when one appears.
      expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    });

    it('is in canonical form', () => {
      if (!result.ok) throw new Error('does not parse');
      expect(serializeDocument(result.document)).toBe(text);
    });

    it('has at least 10 components', () => {
      if (!result.ok) throw new Error('does not parse');
      expect(result.document.components.length).toBeGreaterThanOrEqual(10);
    });

    it('names a cloud in its constraints', () => {
      if (!result.ok) throw new Error('does not parse');
      expect(CLOUDS).toContain(result.document.constraints.cloud);
    });
  });
});
