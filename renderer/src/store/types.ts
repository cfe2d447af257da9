import type { StateCreator } from 'zustand';
import type { ErrorInfo } from '../../../shared/errors';
import type { ChangeRequestSlice } from './changeRequestSlice';
import type { BundlingSlice } from './bundlingSlice';
import type { BudgetSlice } from './budgetSlice';
import type { ClientDetailSlice } from './clientDetailSlice';
import type { ClientsSlice } from './clientsSlice';
import type { ClosureImportSlice } from './closureImportSlice';
import type { ConnectionSlice } from './connectionSlice';
import type { ContractEditorSlice } from './contractEditorSlice';
import type { IncidentActionsSlice } from './incidentActionsSlice';
import type { IncidentDetailSlice } from './incidentDetailSlice';
import type { IncidentListSlice } from './incidentListSlice';
import type { ProfileSlice } from './profileSlice';
import type { ReportsSlice } from './reportsSlice';
import type { SlaAlertsSlice } from './slaAlertsSlice';
import type { StatementSlice } from './statementSlice';
import type { StoreHealthSlice } from './storeHealthSlice';
import type { SyncSlice } from './syncSlice';
import type { TimeRoomSlice } from './timeRoomSlice';
import type { TimeEntriesSlice } from './timeEntriesSlice';
import type { TimerSlice } from './timerSlice';
import type { IdleSlice } from './idleSlice';
import type { UiSlice } from './uiSlice';

export type Store = UiSlice &
  BundlingSlice &
  ConnectionSlice &
  ProfileSlice &
  ClientsSlice &
  ClientDetailSlice &
  ContractEditorSlice &
  ClosureImportSlice &
  IncidentListSlice &
  IncidentDetailSlice &
  IncidentActionsSlice &
  SyncSlice &
  StoreHealthSlice &
  SlaAlertsSlice &
  TimerSlice &
  TimeRoomSlice &
  StatementSlice &
  TimeEntriesSlice &
  ChangeRequestSlice &
  BudgetSlice &
  IdleSlice &
  ReportsSlice;

/** A slice sees the whole store (to call another slice's refresh) but defines only its own part. */
export type SliceCreator<T> = StateCreator<Store, [], [], T>;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The state of one user action (a form submit): what the form shows while and after it runs. */
export interface MutationState {
  pending: boolean;
  error: ErrorInfo | null;
}

export const IDLE: MutationState = { pending: false, error: null };
