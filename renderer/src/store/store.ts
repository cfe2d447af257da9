import { create } from 'zustand';
import { createChangeRequestSlice } from './changeRequestSlice';
import { createBundlingSlice } from './bundlingSlice';
import { createBudgetSlice } from './budgetSlice';
import { createClientDetailSlice } from './clientDetailSlice';
import { createClientsSlice } from './clientsSlice';
import { createClosureImportSlice } from './closureImportSlice';
import { createConnectionSlice } from './connectionSlice';
import { createContractEditorSlice } from './contractEditorSlice';
import { createIncidentActionsSlice } from './incidentActionsSlice';
import { createIncidentDetailSlice } from './incidentDetailSlice';
import { createIncidentListSlice } from './incidentListSlice';
import { createProfileSlice } from './profileSlice';
import { createReportsSlice } from './reportsSlice';
import { createSlaAlertsSlice } from './slaAlertsSlice';
import { createStatementSlice } from './statementSlice';
import { createStoreHealthSlice } from './storeHealthSlice';
import { createSyncSlice } from './syncSlice';
import { createTimeEntriesSlice } from './timeEntriesSlice';
import { createTimeRoomSlice } from './timeRoomSlice';
import { createTimerSlice } from './timerSlice';
import { createIdleSlice } from './idleSlice';
import type { Store } from './types';
import { createUiSlice } from './uiSlice';

/** The renderer's one store, made of slices (zustand slices pattern). Select from it; never take it whole. */
export const useStore = create<Store>()((...a) => ({
  ...createUiSlice(...a),
  ...createConnectionSlice(...a),
  ...createProfileSlice(...a),
  ...createClientsSlice(...a),
  ...createIncidentListSlice(...a),
  ...createIncidentDetailSlice(...a),
  ...createIncidentActionsSlice(...a),
  ...createClientDetailSlice(...a),
  ...createContractEditorSlice(...a),
  ...createClosureImportSlice(...a),
  ...createSyncSlice(...a),
  ...createStoreHealthSlice(...a),
  ...createSlaAlertsSlice(...a),
  ...createTimerSlice(...a),
  ...createTimeRoomSlice(...a),
  ...createStatementSlice(...a),
  ...createTimeEntriesSlice(...a),
  ...createChangeRequestSlice(...a),
  ...createBundlingSlice(...a),
  ...createBudgetSlice(...a),
  ...createIdleSlice(...a),
  ...createReportsSlice(...a),
}));
