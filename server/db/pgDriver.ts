import type pg from 'pg';

let driver: Promise<typeof pg> | undefined;

/**
 * The PostgreSQL driver, imported on first use: an office server on SQLite (the default) never
 * reads it, a fifth of what its start would otherwise load. Everything that talks to PostgreSQL
 * gets it from here, so the type parser below is always set first.
 */
export function loadPg(): Promise<typeof pg> {
  driver ??= import('pg').then((module) => {
    const driver = module.default;
    // PostgreSQL returns bigint as text; our seqs and ids stay far below 2^53.
    driver.types.setTypeParser(20, (value) => Number(value));
    return driver;
  });
  return driver;
}
