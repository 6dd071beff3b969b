import fs from 'node:fs';
import path from 'node:path';
import { orgCodeCheckChar, usccCheckChar } from '../../../../shared/base/uscc.ts';
import { dbFileOf, onlyOpener, processAlive } from '../../db/open.ts';
import { writeFileAtomic } from '../../db/snapshot.ts';
import type { SupervisionCategory } from '../../../../shared/base/vocabulary.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import type { CoreState } from '../../context.ts';
import { hashSecret } from '../accounts/passwords.ts';
import { saveUnit } from '../unit/repository.ts';
import { addCalendarDays } from '../../../../shared/domain/workdays.ts';

/**
 * The demo county: every name is made up (示例县 does not exist; the region code 519999 is not in
 * GB/T 2260), so a newcomer can try everything without touching or leaking real data.
 */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERS = [
  { username: 'admin', displayName: '演示管理员', role: 'admin' },
  { username: 'clerk', displayName: '演示办案员', role: 'clerk' },
  { username: 'reviewer', displayName: '演示法制审核员', role: 'reviewer' },
  { username: 'supervisor', displayName: '演示大队长', role: 'supervisor' },
] as const;

/**
 * The demo county is made in two parts: the ledger, users and unit at once (the county opens on them), then its case
 * files and inspections through the contract in the background, with progress. A marker holding the maker's pid
 * stands in the workspace until the second part is done. A demo county a kill left half-made (its maker gone, no
 * other process with it open) is moved aside whole, in one rename, and made again; a rename the system refuses (a
 * file still held open) leaves it for the next start. Only ever the demo workspace: it holds nothing of anyone's.
 */
const SEEDING = 'demo-seeding';
const DISCARD = '.discard-';
export function clearUnfinishedDemo(dataDir: string): boolean {
  // What an earlier clearing could not delete at once.
  const parent = path.dirname(dataDir);
  const base = path.basename(dataDir);
  for (const leftover of fs.existsSync(parent) ? fs.readdirSync(parent) : [])
    if (leftover.startsWith(`${base}${DISCARD}`))
      fs.rmSync(path.join(parent, leftover), { recursive: true, force: true, maxRetries: 2 });
  const marker = path.join(dataDir, SEEDING);
  if (!fs.existsSync(marker)) return false;
  const pid = Number(fs.readFileSync(marker, 'utf8'));
  if (pid !== process.pid && processAlive(pid)) return false;
  if (!onlyOpener(dbFileOf(dataDir))) return false;
  const discard = `${dataDir}${DISCARD}${process.pid}-${process.hrtime.bigint()}`;
  try {
    fs.renameSync(dataDir, discard);
  } catch {
    return false;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.rmSync(discard, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Deleted at the next start.
  }
  return true;
}
export const markDemoSeeding = (dataDir: string) =>
  writeFileAtomic(path.join(dataDir, SEEDING), Buffer.from(String(process.pid)));
export const markDemoSeeded = (dataDir: string) => fs.rmSync(path.join(dataDir, SEEDING), { force: true });

/** A valid code built from a serial: region 519999, body derived from n, both check characters computed. */
export function demoUscc(n: number): string {
  const body = `D${String(n).padStart(7, '0')}`;
  const first17 = `91519999${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

const TOWNS = ['城关镇', '东岳镇', '南坝镇', '清溪镇', '峰城镇', '双河镇', '红岭乡'];
const KINDS: { suffix: string; industry: string; categories: SupervisionCategory[] }[] = [
  { suffix: '石材开采有限公司', industry: '1012', categories: ['mine'] },
  { suffix: '化工有限公司', industry: '2614', categories: ['hazchem'] },
  { suffix: '加油站', industry: '5265', categories: ['hazchem'] },
  { suffix: '烟花爆竹批发有限公司', industry: '5199', categories: ['fireworks'] },
  { suffix: '铸造有限公司', industry: '3391', categories: ['metallurgy'] },
  { suffix: '木业有限公司', industry: '2021', categories: ['dust', 'confined'] },
  { suffix: '冷冻食品有限公司', industry: '1361', categories: ['ammonia', 'confined'] },
  { suffix: '白酒厂', industry: '1512', categories: ['confined', 'industry'] },
];
const NAMES = ['明远', '华瑞', '宏达', '金川', '蜀兴', '恒丰', '巴山', '瑞祥', '鑫源', '天成'];
const PEOPLE = ['张明', '李华', '王芳', '刘强', '陈静', '杨帆', '赵磊', '周敏'];

export async function seedDemo(core: CoreState): Promise<void> {
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const at = core.now().toISOString();
  const today = core.today();
  const year = Number(today.slice(0, 4));
  await core.tx(async (trx) => {
    const actor = { userId: null, userName: '演示数据' };
    for (const u of DEMO_USERS) {
      await trx
        .insertInto('users')
        .values({ ...u, passwordHash, active: 1, createdAt: at })
        .execute();
    }
    await saveUnit(trx, core, actor, {
      agencyName: '示例县应急管理局',
      squadName: '示例县应急管理综合行政执法大队',
      regionCode: '519999',
      numberPrefix: '示应急',
      reviewAgency: '示例县人民政府',
      court: '示例县人民法院',
      address: '示例县城关镇人民路1号',
      phone: '0818-5200000',
      postalCode: '636100',
      notes: '',
    });
    // Who signs the approval forms' 审核 and 审批 rows, as the signing panel offers them.
    const signers: Settings['approvalSigners'] = {
      review: { name: '赵审核', post: '法制股股长' },
      approve: { name: '陈局长', post: '局长' },
    };
    await trx
      .insertInto('settings')
      .values({ key: 'approvalSigners', valueJson: JSON.stringify(signers) })
      .execute();
    const officers = [
      { name: '张明', certificateNo: '51990001', to: `${year + 2}-06-30`, post: 'officer' },
      { name: '李华', certificateNo: '51990002', to: `${year}-12-31`, post: 'officer' },
      { name: '王芳', certificateNo: '51990003', to: `${year - 1}-12-31`, post: 'technical' },
      { name: '陈静', certificateNo: '51990004', to: `${year + 1}-09-30`, post: 'legal' },
    ];
    for (const o of officers) {
      await trx
        .insertInto('officers')
        .values({
          name: o.name,
          certificateNo: o.certificateNo,
          certValidFrom: `${year - 3}-01-01`,
          certValidTo: o.to,
          post: o.post,
          onDuty: 1,
          idCard: '',
          phone: '',
          notes: '',
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    }
    let n = 0;
    const ids: number[] = [];
    for (const name of NAMES) {
      for (const kind of KINDS.slice(0, 4 + (n % 5))) {
        n++;
        const town = TOWNS[n % TOWNS.length];
        const person = PEOPLE[n % PEOPLE.length];
        const row = await trx
          .insertInto('enterprises')
          .values({
            uscc: demoUscc(n),
            name: `示例县${name}${kind.suffix}`,
            legalRepresentative: person,
            principal: person,
            address: `示例县${town}${name}路${n}号`,
            township: town,
            industryCode: kind.industry,
            categoriesJson: JSON.stringify(kind.categories),
            enforcementLevel: n % 9 === 0 ? 'city' : 'county',
            // Some 标准化一级: the plan's rules move those to 双随机 sampling, so the demo has a pool to draw from.
            standardizationGrade: n % 3 === 0 ? 'level3' : n % 4 === 1 ? 'level1' : 'none',
            riskGrade: (['general', 'low', 'high', 'major'] as const)[n % 4],
            creditStatus: n % 17 === 0 ? 'watch' : 'normal',
            accidentHistory: '',
            contactsJson: JSON.stringify([
              { name: person, role: '安全管理人员', phone: `1380818${String(n).padStart(4, '0')}` },
            ]),
            notes: '',
            status: 'active',
            createdAt: at,
            updatedAt: at,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        core.record(actor, { action: 'demo:seed', entityType: 'enterprise', entityId: row.id });
        ids.push(row.id);
      }
    }
    // What the plan reads beside the ledger: a recent accident (one more visit), an old one, officers away.
    const accidents = [
      {
        enterpriseId: ids[2],
        occurredOn: addCalendarDays(today, -75),
        deaths: 0,
        seriousInjuries: 1,
        summary: '装卸作业时叉车撞伤1人',
      },
      {
        enterpriseId: ids[9],
        occurredOn: addCalendarDays(today, -800),
        deaths: 1,
        seriousInjuries: 0,
        summary: '有限空间作业中毒窒息，死亡1人',
      },
    ];
    for (const a of accidents)
      await trx
        .insertInto('enterpriseAccidents')
        .values({ ...a, directLossYuan: 0, createdAt: at, createdBy: actor.userName })
        .execute();
    const absences = [
      {
        officerId: 2,
        kind: 'training',
        fromDate: addCalendarDays(today, -2),
        toDate: addCalendarDays(today, 3),
        note: '执法证年度培训',
      },
      {
        officerId: 1,
        kind: 'leave',
        fromDate: addCalendarDays(today, 20),
        toDate: addCalendarDays(today, 24),
        note: '年休假',
      },
    ];
    for (const a of absences)
      await trx
        .insertInto('officerAbsences')
        .values({ ...a, createdAt: at, createdBy: actor.userName })
        .execute();
  });
}
