import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { organisation } from '../../../src/content/organisation.ts';
import { readServiceFiles } from '../../../src/content/service-files.ts';
import { staleEntries } from '../../../src/content/service-freshness.ts';
import { serviceSchema } from '../../../src/content/service-schema.ts';

const entries = readServiceFiles('src/content/services').map((data) => ({ id: data.id, data }));

describe('the shipped services directory', () => {
  it('has at least 15 national entries', () => {
    expect(entries.filter((e) => e.data.coverage === 'national').length).toBeGreaterThanOrEqual(15);
  });

  it('marks every local entry as a sample, unverified, with a drama number', () => {
    const local = entries.filter((e) => e.data.coverage !== 'national');
    expect(local.length).toBeGreaterThan(0);
    for (const { id, data } of local) {
      expect(data.sample, id).toBe(true);
      expect(data.verified, id).toBe(false);
      expect(data.phone ?? '07700 900000', id).toMatch(/^07700 900\d{3}$/);
    }
  });

  it("lists every one of the landlord's local partners", () => {
    const ids = entries.map((e) => e.id);
    for (const id of organisation.localServices) expect(ids).toContain(id);
  });

  it('rejects an entry of an unknown type or audience, naming the field', () => {
    const result = serviceSchema.safeParse({ ...entries[0]!.data, types: ['hotline'], audiences: ['everyone'] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['types.0', 'audiences.0']));
  });

  it('reads entries for staff tools, naming a bad file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'services-'));
    writeFileSync(join(dir, 'old.yaml'), 'name: Old\ndescription: An old entry.\ntypes: [helpline]\ncoverage: national\nlanguages: [en]\nlastVerified: 2025-01-01\nverified: true\n');
    expect(staleEntries(readServiceFiles(dir), new Date('2026-11-25')).map((e) => e.id)).toEqual(['old']);
    writeFileSync(join(dir, 'bad.yaml'), 'name: Bad\ndescription: x\ntypes: [hotline]\ncoverage: national\nlanguages: [en]\nlastVerified: 2026-01-01\nverified: true\n');
    expect(() => readServiceFiles(dir)).toThrow(/bad\.yaml: types\.0: /);
  });
});

describe('interpreters in the shipped directory', () => {
  it('every national service says whether callers can have an interpreter, with a comment on the source', () => {
    for (const { id, data } of entries.filter((e) => e.data.coverage === 'national')) {
      const yaml = readFileSync(`src/content/services/${id}.yaml`, 'utf8');
      expect(yaml, id).toMatch(/^# .+\ninterpreters: (true|false)$/m);
      expect(typeof data.interpreters, id).toBe('boolean');
    }
  });

  it('lists the national helplines under a language none of their staff speak, as the issue found missing', () => {
    const helpline = entries.find((e) => e.id === 'national-domestic-abuse-helpline')!;
    expect(helpline.data.languages).not.toContain('ur');
    expect(helpline.data.interpreters).toBe(true);
  });
});
