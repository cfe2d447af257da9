import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutationReference } from '../../shared/mutations/reference';

/** `npm run docs:gen`: writes the documents derived from code (test/integration/generatedDocs.test.ts keeps them current). */
export const GENERATED_DOCS: Record<string, () => string> = {
  'docs/sync-mutations.md': mutationReference,
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, render] of Object.entries(GENERATED_DOCS)) {
    fs.writeFileSync(path.join(ROOT, file), render());
    process.stdout.write(`wrote ${file}\n`);
  }
}
