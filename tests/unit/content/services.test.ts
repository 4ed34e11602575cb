import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { organisation } from '../../../src/content/organisation.ts';
import { serviceSchema } from '../../../src/content/service-schema.ts';

const dir = 'src/content/services';
const entries = readdirSync(dir).map((file) => ({ id: file.replace(/\.yaml$/, ''), data: serviceSchema.parse(parse(readFileSync(`${dir}/${file}`, 'utf8'))) }));

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
});
