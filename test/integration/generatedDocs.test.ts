import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../docs/generate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('documents generated from code', () => {
  it.each(Object.entries(GENERATED_DOCS))('%s is current (run `npm run docs:gen` after changing what it is made from)', (file, render) => {
    expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toBe(render());
  });
});
