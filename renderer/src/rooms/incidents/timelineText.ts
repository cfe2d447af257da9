import type { TFunction } from 'i18next';
import type { TimelineData } from '../../../../shared/domain/lifecycle';
import { missingCase } from '../../../../shared/errors';

/** "; 2 time entries stayed: their month is closed" after a merge or a scope change that left billed time alone. */
function kept(t: TFunction, count: number | undefined): string {
  return count ? `; ${t('bundling.timelineKept', { count })}` : '';
}

/** One readable line for a timeline entry, in the chosen language. */
export function describeTimeline(t: TFunction, data: TimelineData, actor: string, nameOf: (id: string | null) => string | null): string {
  switch (data.kind) {
    case 'status':
      return t('timeline.status', { actor, from: t(`incidentStatus.${data.from}`), to: t(`incidentStatus.${data.to}`) });
    case 'priority':
      return t('timeline.priority', { actor, from: data.from, to: data.to });
    case 'reply':
      return t('timeline.reply', { actor });
    case 'note':
      return t('timeline.note', { actor });
    case 'assign':
      return data.to === null
        ? t('timeline.unassign', { actor, from: nameOf(data.from) ?? '' })
        : t('timeline.assign', { actor, to: nameOf(data.to) ?? '' });
    case 'category':
      return (
        (data.to === null ? t('timeline.categoryCleared', { actor }) : t('timeline.category', { actor, to: t(`category.${data.to}`) })) +
        kept(t, data.keptEntries)
      );
    case 'mergedInto':
      return t('bundling.timelineMergedInto', { actor, title: data.into.title, count: data.movedEntries }) + kept(t, data.keptEntries);
    case 'mergedFrom':
      return (
        t('bundling.timelineMergedFrom', {
          actor,
          count: data.from.length,
          entries: data.movedEntries,
          titles: data.from.map((f) => `“${f.title}”`).join(', '),
        }) + kept(t, data.keptEntries)
      );
    default:
      return missingCase(data);
  }
}
