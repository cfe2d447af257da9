import { TABLE_SPECS } from '../schema/tables';
import { type Write, writeId } from './define';

/**
 * Checks a mutation's writes before a host applies any: only `mutable` tables take a delete. A
 * delete of an append-only row (a timeline entry, which others' rows and the audit trail refer to
 * for good) is a defect of the mutation, so it fails the mutation whole (a refusal on the server)
 * and nothing is written. Server-owned tables (engineers) are not mutation tables at all (the
 * `Write` type cannot name them), and are refused here too should a cast slip one through.
 */
export function checkWrites(name: string, writes: readonly Write[]): void {
  for (const write of writes) {
    if (write.op === 'delete' && TABLE_SPECS[write.table].kind !== 'mutable') {
      throw new Error(`${name} may not delete ${write.table} row ${writeId(write)}: its table is ${TABLE_SPECS[write.table].kind}, and only mutable tables take deletes`);
    }
  }
}
