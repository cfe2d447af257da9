import { z } from 'zod';
import { Id } from '../domain/common';
import { MonthClose } from '../domain/monthClose';
import { MonthCloseArgs, MonthReopenArgs } from '../mutations/month';
import { call } from './common';

/** A closed (or reopened) billing month as the fronts show it. */
export const MonthCloseView = MonthClose.omit({ fieldVersions: true });
export type MonthCloseView = z.infer<typeof MonthCloseView>;

/** The most month rows one list answers: years of months for every client. */
export const MONTH_LIST_MAX = 1000;

/** Closing and reopening clients' billing months (docs/time.md, "Closed months"). */
export const monthCalls = {
  month: {
    /** Closes a client's month that has ended (leads and admins); its entries become immutable. */
    close: call(MonthCloseArgs, MonthCloseView),
    /** Reopens a closed month with a reason (leads and admins). */
    reopen: call(MonthReopenArgs, MonthCloseView),
    /** The month rows (closed and reopened) of one client or of all, newest month first. */
    list: call(z.object({ clientId: Id.optional() }), z.array(MonthCloseView)),
  },
} as const;
