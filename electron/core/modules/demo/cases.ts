import type { SessionInfo } from '../../../../shared/api/contract.ts';
import { addCalendarDays } from '../../../../shared/domain/workdays.ts';
import type { EnterpriseListItem } from '../../../../shared/entities/enterprise.ts';
import type { Officer } from '../../../../shared/entities/officer.ts';
import { type CaseRecipe, caseGenerator, type Dispatch } from './case-generator.ts';
import { DEMO_PASSWORD } from './seed.ts';

/**
 * The demo county's case files, made by the case generator through the contract exactly as the
 * clerk, the legal reviewer and the head would make them: one of each path and stage, dated back from today,
 * so a newcomer finds filed, noticed, decided, closed, transferred and on-the-spot cases to open.
 */
export async function seedDemoCases(dispatch: Dispatch, today: string): Promise<void> {
  const signIn = async (username: string) => {
    const r = await dispatch('auth:sign-in', { username, password: DEMO_PASSWORD }, { token: '' });
    if (!r.ok) throw new Error(`demo sign-in failed: ${JSON.stringify(r.error)}`);
    return (r.data as SessionInfo).token;
  };
  const clerk = await signIn('clerk');
  const reviewer = await signIn('reviewer');
  const supervisor = await signIn('supervisor');
  const list = async <T>(channel: string, input: unknown) => {
    const r = await dispatch(channel, input, { token: clerk });
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  const officers = await list<Officer[]>('officers:list', { includeOffDuty: false });
  const byName = (n: string) => officers.find((o) => o.name === n)!.id;
  const handlerIds: CaseRecipe['handlerIds'] = [byName('张明'), byName('李华')];
  const { items } = await list<{ items: EnterpriseListItem[] }>('enterprises:search', { pageSize: 20 });
  const generate = caseGenerator(dispatch, clerk, { review: reviewer, approve: supervisor });
  const back = (days: number) => addCalendarDays(today, -days);
  const recipes: Omit<CaseRecipe, 'enterpriseId' | 'handlerIds' | 'reviewerToken'>[] = [
    { filedOn: back(90), variations: ['statement-waived', 'investigated'] },
    {
      filedOn: back(75),
      variations: ['statement-heard', 'late-service', 'late-publication', 'investigated'],
      stopAt: 'decided',
    },
    { filedOn: back(60), variations: ['person-fined', 'statement-waived', 'investigated'], stopAt: 'closed' },
    { filedOn: back(45), variations: ['transfer-accepted', 'investigated'] },
    { filedOn: back(12), variations: ['hearing', 'investigated'], stopAt: 'noticed' },
    { filedOn: back(12), variations: ['summary'], formNo: '0000101' },
    // The alarm switched off: 危险作业罪 第（一）项 possible, the transfer assessment still to be made.
    { filedOn: back(20), variations: ['investigated', 'crime-risk'], stopAt: 'approved' },
    { filedOn: back(3), variations: ['investigated'], stopAt: 'filed' },
  ];
  for (const [i, r] of recipes.entries()) {
    // A file the calendar does not allow on this day (a hearing falling in a long holiday) is left out, never the demo.
    await generate({ ...r, enterpriseId: items[(i * 3) % items.length].id, handlerIds, reviewerToken: reviewer }).catch(
      (e: unknown) => console.warn('demo case left out:', e instanceof Error ? e.message : e),
    );
  }
  for (const token of [clerk, reviewer]) await dispatch('auth:sign-out', {}, { token });
}
