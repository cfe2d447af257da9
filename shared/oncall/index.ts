/** On-call schedules and escalation (issue 12): pure, deterministic; see docs/oncall.md. */
export { handoffInstant, rotationClock, rotationShifts, shiftIndexAt, shiftStart } from './rotation';
export type { RotationClock, RotationShift } from './rotation';
export { nowAndNext, onCallAt, segmentsBetween, shiftsBetween } from './schedule';
export type { NowAndNext, Segment, Shift, ShiftSource } from './schedule';
export { preview } from './preview';
export type { PreviewDay, SchedulePreview, Span } from './preview';
export { afterAction, nextEscalationAction, policyFor } from './escalation';
export type { EscalationAction, EscalationState, Position, ResolveTarget } from './escalation';
