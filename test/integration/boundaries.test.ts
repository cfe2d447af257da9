import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The room boundaries of DESIGN.md are lint rules; this proves they bite. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('room boundaries', () => {
  it.each([
    ['shared/x.ts', `import fs from 'node:fs';\nexport const a = fs;`],
    ['shared/x.ts', `import path from 'path';\nexport const a = path;`],
    ['shared/x.ts', `import { openEngine } from '../core/engine/engine';\nexport const a = openEngine;`],
    ['shared/domain/x.ts', `import { app } from 'electron';\nexport const a = app;`],
    ['renderer/src/x.ts', `import { openEngine } from '../../core/engine/engine';\nexport const a = openEngine;`],
    ['renderer/src/x.ts', `import fs from 'node:fs';\nexport const a = fs;`],
    ['core/x.ts', `import { app } from 'electron';\nexport const a = app;`],
    ['core/x.ts', `import React from 'react';\nexport const a = React;`],
    ['electron/main/window.ts', `import { ipcMain } from 'electron';\nexport const a = ipcMain;`],
  ])('refuses %s: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', `import { z } from 'zod';\nexport const a = z;`],
    ['renderer/src/x.ts', `import { contract } from '../../shared/contract';\nexport const a = contract;`],
    ['core/x.ts', `import fs from 'node:fs';\nimport { contract } from '../shared/contract';\nexport const a = [fs, contract];`],
    ['electron/main/ipc.ts', `import { ipcMain } from 'electron';\nexport const a = ipcMain;`],
  ])('allows %s: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});

/** Core writes only through writeTransaction (BEGIN IMMEDIATE); this proves the lint rule bites. */
describe('write transactions in core', () => {
  async function syntaxErrors(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  }

  it.each([
    ['core/repos/x.ts', `import type { Db } from '../store/database';\nexport function f(db: Db) {\n  db.transaction(() => 1)();\n}`],
    ['core/sync/x.ts', `import type { Db } from '../store/database';\nexport function f(db: Db) {\n  return db.transaction(() => 1).deferred();\n}`],
    ['core/engine/x.ts', `import type { Db } from '../store/database';\nexport function f(db: Db) {\n  db.exec('BEGIN');\n}`],
  ])('refuses a deferred or hand-written transaction in %s', async (file, code) => {
    expect(await syntaxErrors(file, code)).not.toEqual([]);
  });

  it('allows writeTransaction', async () => {
    const code = `import type { Db } from '../store/database';\nimport { writeTransaction } from '../store/transaction';\nexport function f(db: Db) {\n  return writeTransaction(db, () => 1);\n}`;
    expect(await syntaxErrors('core/repos/x.ts', code)).toEqual([]);
  });
});
