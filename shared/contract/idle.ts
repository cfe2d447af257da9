import { z } from 'zod';
import { Id, IsoTime } from '../domain/common';
import { call, NoArgs } from './common';
import { TimeEntryView } from './time';

/**
 * The idle question (docs/time.md, "Idle"): the machine had no input past the team's threshold
 * while a timer ran. The shell only reports idle seconds; the engine decides and holds the question.
 */
export const IDLE_CHOICES = ['keep', 'discard', 'discardContinue', 'separate'] as const;
export type IdleChoice = (typeof IDLE_CHOICES)[number];

export const IdleQuestion = z.object({
  /** The running timer the idle span fell in. */
  entry: TimeEntryView,
  /** When input stopped (never before the timer's start). */
  idleFrom: IsoTime,
  /** When input came back. */
  returnedAt: IsoTime,
  idleMinutes: z.number().int().min(0),
  choices: z.array(z.enum(IDLE_CHOICES)),
});
export type IdleQuestion = z.infer<typeof IdleQuestion>;

const IdleTarget = z
  .object({ incidentId: Id.optional(), clientId: Id.optional() })
  .strict()
  .refine((t) => t.incidentId !== undefined || t.clientId !== undefined, { message: 'time.target', path: ['incidentId'] });

export const IdleAnswerInput = z
  .object({
    choice: z.enum(IDLE_CHOICES),
    entryId: Id,
    /** The question's `idleFrom`: an answer to an older question is refused, not applied twice. */
    idleFrom: IsoTime,
    /** Where `separate` books the idle span (an incident, or a client without one). */
    target: IdleTarget.optional(),
  })
  .strict()
  .refine((a) => a.choice !== 'separate' || a.target !== undefined, { message: 'time.idleTarget', path: ['target'] });
export type IdleAnswerInput = z.infer<typeof IdleAnswerInput>;

export const IdleAnswered = z.object({
  /** The timer running afterwards (null after `discard`). */
  running: TimeEntryView.nullable(),
  /** The entry `separate` booked for the idle span. */
  booked: TimeEntryView.nullable(),
});
export type IdleAnswered = z.infer<typeof IdleAnswered>;

export const idleCalls = {
  timer: {
    /** The idle question the engine holds, until answered (asked again by a reloaded window). */
    idleQuestion: call(NoArgs, IdleQuestion.nullable()),
    /** Keep the idle time, discard it (stop at idle start), discard and continue (split), or book it separately. */
    answerIdle: call(IdleAnswerInput, IdleAnswered),
  },
} as const;
