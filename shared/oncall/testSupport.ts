import { type Override, Rotation, Schedule } from '../domain/oncall';

/** Builders for the on-call tests: schedules checked by the schema, as storage will check them. Not used by the engine. */

export const AMS = 'Europe/Amsterdam';
export const H = 3_600_000;
export const M = 60_000;
/** An instant written as UTC. */
export const utc = (text: string) => Date.parse(`${text}Z`);

export function rotation(partial: Partial<Rotation> & Pick<Rotation, 'shiftLength'> & { start: string }): Rotation {
  const { start, ...rest } = partial;
  return Rotation.parse({ id: 'r1', name: 'Rotation', zone: AMS, participants: ['ann', 'bob'], handoff: { start }, ...rest });
}

/** A schedule of one layer per rotation list, the first the highest. */
export function schedule(layers: Rotation[][], overrides: Omit<Override, 'id'>[] = [], zone = AMS): Schedule {
  return Schedule.parse({
    id: 's1',
    name: 'Schedule',
    zone,
    layers: layers.map((rotations, i) => ({ id: `l${i}`, priority: layers.length - i, rotations })),
    overrides: overrides.map((o, i) => ({ id: `o${i}`, ...o })),
  });
}
