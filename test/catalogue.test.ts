import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  controllerNames,
  findMethod,
  findModel,
  methodNames,
  suggestNames,
} from '../src/catalogue.js';

const sourcePath = new URL('../../shared/hasoffers-api/network-api.json', import.meta.url);

describe('generated catalogue', () => {
  it('matches a fresh run of the generator', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'tsoffers-catalogue-'));
    execFileSync('npx', ['tsx', 'scripts/generate-api.ts', sourcePath.pathname, outDir]);
    for (const file of ['catalogue.ts', 'models.ts']) {
      const committed = readFileSync(new URL(`../src/generated/${file}`, import.meta.url), 'utf8');
      expect(readFileSync(join(outDir, file), 'utf8'), file).toBe(committed);
    }
  });

  it('contains every source method', () => {
    const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as {
      controllers: Record<string, { methods: Record<string, unknown> }>;
    };
    const sourceMethods = Object.entries(source.controllers).flatMap(([target, controller]) =>
      Object.keys(controller.methods).map((method) => `${target}.${method}`),
    );
    const generatedMethods = controllerNames().flatMap((target) =>
      methodNames(target).map((method) => `${target}.${method}`),
    );
    expect(sourceMethods).toHaveLength(586);
    expect(generatedMethods.sort()).toEqual(sourceMethods.sort());
  });

  it('keeps parameter specs', () => {
    const findAll = findMethod('Offer', 'findAll');
    expect(findAll?.http).toBe('GET');
    const contain = findAll?.params.find((param) => param.name === 'contain');
    expect(contain?.type).toBe('contain<Offer>');
    expect(contain?.containable?.['Country']).toBeDefined();
    const groups = findMethod('Report', 'getStats')?.params.find(
      (param) => param.name === 'groups',
    );
    expect(groups?.enum).toContain('Stat.offer_id');
  });

  it('keeps model fields from both notations', () => {
    expect(findModel('Offer')?.fields['offer_url']?.type).toBe('string');
    const tag = findModel('Tag');
    expect(tag?.fields['id']).toEqual({ type: 'integer', nullable: false, writable: false });
    expect(tag?.fields['advertiser_applicable']?.nullable).toBe(true);
  });

  it('returns undefined for misses', () => {
    expect(findMethod('Offer', 'findEverything')).toBeUndefined();
    expect(findMethod('Nope', 'findAll')).toBeUndefined();
    expect(findMethod('Offer', 'constructor')).toBeUndefined();
    expect(findModel('toString')).toBeUndefined();
    expect(Object.keys(CATALOGUE.controllers)).toHaveLength(46);
  });
});

describe('suggestNames', () => {
  it('finds close method names', () => {
    expect(suggestNames('findal', methodNames('Offer'))).toContain('findAll');
    expect(suggestNames('FINDBYID', methodNames('Offer'))).toEqual(['findById']);
  });

  it('finds controllers by substring', () => {
    expect(suggestNames('Offe', controllerNames())[0]).toBe('Offer');
  });

  it('returns nothing for unrelated input', () => {
    expect(suggestNames('zzzzzzzzzzzz', controllerNames())).toEqual([]);
  });
});
